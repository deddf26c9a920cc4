package org.citystep.cluster;

import java.util.List;

import org.citystep.shared.explain.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Who started a cluster: a city, a curator, or the system's suggestion that someone accepted.
 *
 * @param by           the username that created it or accepted the suggestion
 * @param suggestionId the suggestion accepted, with its cohesion {@code score} and {@code reasons}
 */
public record ClusterOrigin(Kind kind, String by, @Nullable String suggestionId, @Nullable Double score,
        List<Reason> reasons) {

    public ClusterOrigin {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public enum Kind {
        CITY, CURATOR, SUGGESTION
    }
}
