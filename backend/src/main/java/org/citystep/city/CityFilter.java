package org.citystep.city;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;

/**
 * Optional criteria for listing cities; null means "any".
 *
 * @param characteristic with {@code level}: cities at that level in that characteristic
 */
public record CityFilter(@Nullable Region region, @Nullable String country, @Nullable ServiceDomain interest,
        @Nullable Characteristic characteristic, @Nullable MaturityLevel level) {

    public static CityFilter any() {
        return new CityFilter(null, null, null, null, null);
    }
}
