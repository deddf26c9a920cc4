package org.citystep.city;

/** What kind of administrative unit a city is; the Chinese pilots include districts and new areas. */
public enum AdministrativeLevel {
    MUNICIPALITY,
    DISTRICT,
    NEW_AREA,
    SPECIAL_ZONE,
    PREFECTURE_LEVEL_CITY,
    COUNTY_LEVEL_CITY
}
