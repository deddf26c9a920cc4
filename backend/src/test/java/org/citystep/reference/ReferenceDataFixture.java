package org.citystep.reference;

import tools.jackson.databind.json.JsonMapper;

/** The real reference data, for unit tests of other features that name levels and characteristics. */
public final class ReferenceDataFixture {

    private static final ReferenceDataService SERVICE = new ReferenceDataService(JsonMapper.builder().build());

    private ReferenceDataFixture() {
    }

    public static ReferenceDataService service() {
        return SERVICE;
    }
}
