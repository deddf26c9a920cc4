package org.citystep.cluster;

import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;

/** What a list of clusters may be narrowed to. */
public record ClusterFilter(@Nullable ClusterStatus status, @Nullable String cityId,
        @Nullable ServiceDomain serviceDomain) {
}
