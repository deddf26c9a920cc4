package org.citystep.opendata.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.opendata.Dataset;
import org.citystep.opendata.DatasetStamp;
import org.citystep.opendata.ExportFormat;
import org.citystep.opendata.Licence;
import org.citystep.shared.explain.Reason;
import org.citystep.shared.i18n.Messages;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** One dataset as the Open data page lists it. */
@Schema(name = "OpenDataset")
record DatasetView(String id, Map<String, String> title, Map<String, String> description, Licence licence,
        List<String> formats,
        @Schema(description = "Records (for maturity-distribution: rows); absent while they cannot be counted (a backing "
                + "service is down)") @Nullable Long records,
        @Schema(description = "When the latest record changed; absent for an empty dataset") @Nullable Instant lastModified,
        @Schema(description = "A download link per format") Map<String, String> links) {

    static DatasetView of(Dataset dataset, DatasetStamp stamp, Messages messages) {
        return of(dataset, stamp.records(), stamp.lastModified(), messages);
    }

    /** The dataset while its records cannot be counted: what it is, and where to download it. */
    static DatasetView uncounted(Dataset dataset, Messages messages) {
        return of(dataset, null, null, messages);
    }

    private static DatasetView of(Dataset dataset, @Nullable Long records, @Nullable Instant lastModified,
            Messages messages) {
        Reason title = messages.both("opendata.dataset." + dataset.id() + ".title");
        Reason description = messages.both("opendata.dataset." + dataset.id() + ".description");
        Map<String, String> links = new LinkedHashMap<>();
        for (ExportFormat format : ExportFormat.values()) {
            links.put(format.id(), "/api/v1/exports/" + dataset.id() + "?format=" + format.id());
        }
        return new DatasetView(dataset.id(), Map.of("en", title.en(), "zh", title.zh()),
                Map.of("en", description.en(), "zh", description.zh()), Licence.CC_BY_4_0,
                Arrays.stream(ExportFormat.values()).map(ExportFormat::id).toList(), records, lastModified, links);
    }
}
