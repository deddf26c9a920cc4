package org.citystep.city;

import org.citystep.reference.MaturityLevel;

/** How many cities of a group (a region or a country) are at a level in one characteristic. */
public record LevelCount(String group, MaturityLevel level, long count) {
}
