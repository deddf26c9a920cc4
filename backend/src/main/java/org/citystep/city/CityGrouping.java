package org.citystep.city;

/** What cities are grouped by in reports. */
public enum CityGrouping {
    REGION("profile.region"),
    COUNTRY("profile.country");

    private final String field;

    CityGrouping(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }
}
