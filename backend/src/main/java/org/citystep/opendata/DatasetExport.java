package org.citystep.opendata;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Flux;

/** How one dataset is read and written: its records as {@link ExportRow}s, streamed, and its CSV columns. */
interface DatasetExport {

    Dataset dataset();

    /** The CSV header: the columns every row's {@link ExportRow#csv()} fills, in order. */
    List<String> csvColumns();

    /** The records (those changed after {@code since}, if given), in bounded memory. */
    Flux<ExportRow> rows(@Nullable Instant since);

    /** Whether {@code since} narrows this dataset (figures computed over all records do not take it). */
    default boolean takesSince() {
        return true;
    }
}
