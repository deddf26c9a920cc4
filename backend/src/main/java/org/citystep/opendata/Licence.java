package org.citystep.opendata;

import io.swagger.v3.oas.annotations.media.Schema;

/** A licence by its SPDX id and the address of its text. */
@Schema(name = "OpenDataLicence")
public record Licence(String id, String url) {

    /** CityStep's data, unless a case study names another licence. */
    public static final Licence CC_BY_4_0 = new Licence("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/");
}
