package org.citystep.search;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Highlights as a reader wants them: a passage once. A Chinese text is indexed twice (words and
 * character pairs), and both fields highlight the same passage; the second copy is dropped.
 */
final class Highlights {

    private Highlights() {
    }

    static Map<String, List<String>> distinct(Map<String, List<String>> byField) {
        if (byField.size() < 2) {
            return byField;
        }
        Set<String> seen = new HashSet<>();
        Map<String, List<String>> kept = new LinkedHashMap<>();
        byField.entrySet().stream()
                // the field itself before its sub-fields (text.zh before text.zh.bigram)
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    List<String> fresh = entry.getValue().stream().filter(fragment -> seen.add(plain(fragment))).toList();
                    if (!fresh.isEmpty()) {
                        kept.put(entry.getKey(), fresh);
                    }
                });
        return kept;
    }

    private static String plain(String fragment) {
        return fragment.replace("<em>", "").replace("</em>", "").strip();
    }
}
