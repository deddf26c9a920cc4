package org.citystep.opendata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk exports: a dataset's records written as JSON Lines or CSV, streamed in chunks of lines
 * while they are read (two batches of records in memory at most, whatever the size of the dataset),
 * and each dataset's {@link DatasetStamp}, counted by one pass over it and reused for
 * {@link OpenDataProperties#stampTtl()} (one pass at a time, however many ask).
 */
@Service
@EnableConfigurationProperties(OpenDataProperties.class)
public class Exports {

    /** Lines written to the client at once: one write per record would be a flush per line. */
    static final int LINES_PER_CHUNK = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CSVFormat CSV = CSVFormat.RFC4180;

    private final Map<Dataset, DatasetExport> exports = new EnumMap<>(Dataset.class);
    private final Map<Dataset, Mono<DatasetStamp>> stamps = new EnumMap<>(Dataset.class);

    Exports(List<DatasetExport> all, OpenDataProperties properties) {
        all.forEach(export -> exports.put(export.dataset(), export));
        for (Dataset dataset : Dataset.values()) {
            if (!exports.containsKey(dataset)) {
                throw new IllegalStateException("No export for dataset " + dataset.id());
            }
        }
        Duration ttl = properties.stampTtl();
        for (Dataset dataset : Dataset.values()) {
            stamps.put(dataset, count(dataset).cache(stamp -> ttl, failure -> Duration.ZERO, () -> Duration.ZERO));
        }
    }

    private Mono<DatasetStamp> count(Dataset dataset) {
        if (dataset == Dataset.MATURITY_DISTRIBUTION) {
            // figures computed from the cities and their validated rounds: they change when those do
            return Mono.zip(exports.get(dataset).rows(null).count(), stamp(Dataset.CITIES), stamp(Dataset.ASSESSMENTS))
                    .map(all -> new DatasetStamp(all.getT1(), earliest(all.getT2().firstChange(), all.getT3().firstChange()),
                            latest(all.getT2().lastModified(), all.getT3().lastModified()), java.util.Set.of()));
        }
        return exports.get(dataset).rows(null).reduce(DatasetStamp.EMPTY, DatasetStamp::add);
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** The dataset's record count and last change, at most {@code stampTtl} old. */
    public Mono<DatasetStamp> stamp(Dataset dataset) {
        return stamps.get(dataset);
    }

    /** Whether {@code since} narrows {@code dataset}. */
    public boolean takesSince(Dataset dataset) {
        return exports.get(dataset).takesSince();
    }

    /**
     * The dataset written in {@code format}, as chunks of complete lines (CSV: the header first;
     * CRLF line ends as RFC 4180 has them). Text cells that a spreadsheet would run as a formula
     * ({@code = + - @}, tab, carriage return first) start with a {@code '}.
     */
    public Flux<String> write(Dataset dataset, ExportFormat format, @Nullable Instant since) {
        DatasetExport export = exports.get(dataset);
        Flux<String> lines = export.rows(export.takesSince() ? since : null)
                .map(row -> format == ExportFormat.JSONL ? JSON.writeValueAsString(row.json()) + "\n" : csvLine(row.csv()));
        if (format == ExportFormat.CSV) {
            lines = Flux.concat(Mono.just(csvLine(new ArrayList<>(export.csvColumns()))), lines);
        }
        return lines.buffer(LINES_PER_CHUNK).map(chunk -> String.join("", chunk));
    }

    /** The CSV columns of {@code dataset}. */
    public List<String> csvColumns(Dataset dataset) {
        return exports.get(dataset).csvColumns();
    }

    static String csvLine(List<@Nullable Object> cells) {
        return CSV.format(cells.stream().map(Exports::cell).toArray()) + "\r\n";
    }

    private static @Nullable Object cell(@Nullable Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    /** For logs and tests: the stamps as they are now. */
    Mono<Map<Dataset, DatasetStamp>> stamps() {
        return Flux.fromArray(Dataset.values()).concatMap(dataset -> stamp(dataset).map(stamp -> Map.entry(dataset, stamp)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
