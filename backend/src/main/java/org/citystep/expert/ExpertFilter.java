package org.citystep.expert;

import org.citystep.reference.Characteristic;
import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;

/** Optional criteria for listing experts; null means "any". */
public record ExpertFilter(@Nullable Characteristic characteristic, @Nullable ServiceDomain serviceDomain,
        @Nullable String language, @Nullable ExpertStatus status) {
}
