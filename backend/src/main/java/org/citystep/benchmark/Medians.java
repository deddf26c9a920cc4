package org.citystep.benchmark;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.citystep.reference.MaturityLevel;
import org.jspecify.annotations.Nullable;

/** Medians of level ranks (0–4) and of KPI values; the mean of the two middle values for an even count. */
final class Medians {

    private Medians() {
    }

    /** The median rank of the assessed levels among {@code counts} (cities per level); null when none is assessed. */
    static @Nullable Double ofCounts(Map<MaturityLevel, Long> counts) {
        long total = counts.entrySet().stream().filter(e -> e.getKey().isAssessed()).mapToLong(Map.Entry::getValue).sum();
        if (total == 0) {
            return null;
        }
        int lower = rankAt(counts, (total - 1) / 2);
        int upper = rankAt(counts, total / 2);
        return (lower + upper) / 2.0;
    }

    /** The rank of the {@code index}-th (0-based) city when the assessed cities are sorted by rank. */
    private static int rankAt(Map<MaturityLevel, Long> counts, long index) {
        long seen = 0;
        for (MaturityLevel level : MaturityLevel.values()) {
            if (!level.isAssessed()) {
                continue;
            }
            seen += counts.getOrDefault(level, 0L);
            if (index < seen) {
                return level.rank();
            }
        }
        throw new IllegalArgumentException("index beyond the counts");
    }

    /** The median rank of {@code levels}, not-assessed ones left out; null when none is assessed. */
    static @Nullable Double ofLevels(Collection<MaturityLevel> levels) {
        return ofValues(levels.stream().filter(MaturityLevel::isAssessed).map(l -> (double) l.rank()).toList());
    }

    /** The median of {@code values}; null when there are none. */
    static @Nullable Double ofValues(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
