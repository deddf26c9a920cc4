package org.citystep.opendata;

import java.util.Arrays;
import java.util.Optional;

/**
 * The datasets CityStep publishes, in the order the Open data page and the catalogue list them. The
 * id is the one in URLs; titles and descriptions are in the message bundles
 * ({@code opendata.dataset.<id>.title}, {@code .description}).
 */
public enum Dataset {
    CASE_STUDIES("case-studies"),
    CITIES("cities"),
    ASSESSMENTS("assessments"),
    EXPERTS("experts"),
    CLUSTERS("clusters"),
    MATURITY_DISTRIBUTION("maturity-distribution");

    private final String id;

    Dataset(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Dataset> byId(String id) {
        return Arrays.stream(values()).filter(dataset -> dataset.id.equals(id)).findFirst();
    }
}
