package org.citystep.expert;

import org.citystep.reference.Characteristic;
import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;

/**
 * Optional criteria for listing experts; null means "any". {@code name}: words the expert's name
 * starts with (the last one may be unfinished), for pickers that search as one types.
 */
public record ExpertFilter(@Nullable Characteristic characteristic, @Nullable ServiceDomain serviceDomain,
        @Nullable String language, @Nullable ExpertStatus status, @Nullable String name) {

    public ExpertFilter(@Nullable Characteristic characteristic, @Nullable ServiceDomain serviceDomain,
            @Nullable String language, @Nullable ExpertStatus status) {
        this(characteristic, serviceDomain, language, status, null);
    }
}
