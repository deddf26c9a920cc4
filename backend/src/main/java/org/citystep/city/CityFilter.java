package org.citystep.city;

import org.jspecify.annotations.Nullable;

/** Optional criteria for listing cities; null means "any". */
public record CityFilter(@Nullable Region region, @Nullable String country) {
}
