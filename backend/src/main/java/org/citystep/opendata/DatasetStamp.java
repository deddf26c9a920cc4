package org.citystep.opendata;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What a dataset holds, in short: how many records, when the earliest and the latest of them
 * changed (none for an empty dataset), and the licences other than CC BY 4.0 that records name
 * (case studies may). Export ETags, {@code Last-Modified} and the catalogue are made from it.
 */
public record DatasetStamp(long records, @Nullable Instant firstChange, @Nullable Instant lastModified,
        Set<String> otherLicences) {

    static final DatasetStamp EMPTY = new DatasetStamp(0, null, null, Set.of());
    /** Distinct other licences kept at most: they are named in the catalogue, not counted. */
    static final int LICENCES_KEPT = 20;

    public DatasetStamp {
        otherLicences = Set.copyOf(otherLicences);
    }

    DatasetStamp add(ExportRow row) {
        Instant changed = row.changedAt();
        Instant first = firstChange == null || changed != null && changed.isBefore(firstChange) ? changed : firstChange;
        Instant last = lastModified == null || changed != null && changed.isAfter(lastModified) ? changed : lastModified;
        Set<String> licences = otherLicences;
        if (row.licence() != null && !Licence.CC_BY_4_0.id().equals(row.licence()) && !licences.contains(row.licence())
                && licences.size() < LICENCES_KEPT) {
            licences = new TreeSet<>(licences);
            licences.add(row.licence());
        }
        return new DatasetStamp(records + 1, first, last, licences);
    }
}
