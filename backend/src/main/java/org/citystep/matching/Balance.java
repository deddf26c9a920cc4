package org.citystep.matching;

import java.util.Collection;
import java.util.List;

import org.citystep.reference.MaturityLevel;
import org.jspecify.annotations.Nullable;

/**
 * Where one characteristic stands against the city's other ones (white paper §6: "no isolated
 * advances"): two or more levels above the median of the city's assessed characteristics is an
 * isolated advance, two or more below is lagging.
 */
public enum Balance {
    BALANCED, ISOLATED_ADVANCE, LAGGING;

    static final double GAP = 2.0;

    public static Balance of(MaturityLevel level, double median) {
        double gap = level.rank() - median;
        if (gap >= GAP) {
            return ISOLATED_ADVANCE;
        }
        return gap <= -GAP ? LAGGING : BALANCED;
    }

    /** The median rank of the assessed levels; {@code null} when none is assessed. */
    public static @Nullable Double median(Collection<MaturityLevel> levels) {
        List<Integer> ranks = levels.stream().filter(MaturityLevel::isAssessed).map(MaturityLevel::rank).sorted().toList();
        if (ranks.isEmpty()) {
            return null;
        }
        int middle = ranks.size() / 2;
        return ranks.size() % 2 == 1 ? ranks.get(middle) : (ranks.get(middle - 1) + ranks.get(middle)) / 2.0;
    }
}
