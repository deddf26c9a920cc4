package org.citystep.exchange;

import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * Where the request was started: from a match, a case study or a cluster.
 *
 * @param id the case study's or the cluster's id; none for a match
 */
@Schema(name = "ExchangeOrigin")
public record ExchangeOrigin(@NotNull Kind kind, @Nullable @Slug String id) {

    public enum Kind {
        MATCH, CASE_STUDY, CLUSTER
    }
}
