package org.citystep.report;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Percentages to one decimal place that add up to exactly 100 (Hamilton's largest-remainder
 * method): each share is rounded down to a tenth of a percent, and the tenths still missing go to
 * the shares with the largest remainders (ties to the earlier key).
 */
final class LargestRemainder {

    private static final int TENTHS = 1000;

    private LargestRemainder() {
    }

    static <K> Map<K, BigDecimal> percentages(Map<K, Long> counts) {
        List<K> keys = List.copyOf(counts.keySet());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<K, BigDecimal> result = new LinkedHashMap<>();
        if (total == 0) {
            keys.forEach(key -> result.put(key, BigDecimal.ZERO.setScale(1)));
            return result;
        }
        long[] tenths = new long[keys.size()];
        long[] remainders = new long[keys.size()];
        long assigned = 0;
        for (int i = 0; i < keys.size(); i++) {
            long scaled = counts.get(keys.get(i)) * TENTHS;
            tenths[i] = scaled / total;
            remainders[i] = scaled % total;
            assigned += tenths[i];
        }
        List<Integer> byRemainder = IntStream.range(0, keys.size()).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed().thenComparingInt(i -> i))
                .toList();
        for (int i = 0; assigned < TENTHS; i++, assigned++) {
            tenths[byRemainder.get(i)]++;
        }
        for (int i = 0; i < keys.size(); i++) {
            result.put(keys.get(i), BigDecimal.valueOf(tenths[i], 1));
        }
        return result;
    }
}
