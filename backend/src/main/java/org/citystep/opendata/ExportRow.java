package org.citystep.opendata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One record of a dataset, in both of its written forms.
 *
 * @param json      the record as nested JSON values (maps, lists, strings, numbers, booleans), in field order
 * @param csv       the same record flattened to the dataset's CSV columns, in their order
 * @param changedAt when the record last changed; null for figures computed from others
 * @param licence   the record's own licence, where records carry one (case studies)
 */
public record ExportRow(Map<String, @Nullable Object> json, List<@Nullable Object> csv, @Nullable Instant changedAt,
        @Nullable String licence) {

    ExportRow(Map<String, @Nullable Object> json, List<@Nullable Object> csv, @Nullable Instant changedAt) {
        this(json, csv, changedAt, null);
    }
}
