package org.citystep.opendata.web;

import java.util.List;

import org.citystep.opendata.Licence;

import io.swagger.v3.oas.annotations.media.Schema;

/** The datasets, and where their catalogue and the API's description are. */
@Schema(name = "OpenDatasets")
record DatasetsView(List<DatasetView> items, Catalog catalog, String openApi, Licence licence) {

    @Schema(name = "OpenDataCatalogLinks")
    record Catalog(String jsonLd, String turtle) {
    }

    static DatasetsView of(List<DatasetView> items) {
        return new DatasetsView(items, new Catalog("/api/v1/catalog", "/api/v1/catalog?format=turtle"), "/v3/api-docs",
                Licence.CC_BY_4_0);
    }
}
