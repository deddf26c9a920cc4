package org.citystep.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The documented flat forms of nested values in CSV: a list is its items joined by {@code |}, in
 * order; a text in several languages is one column per language ({@code title_en}, {@code title_zh});
 * dates and instants are ISO 8601.
 */
final class Flat {

    static final String SEPARATOR = "|";

    private Flat() {
    }

    static String list(Collection<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(SEPARATOR));
    }

    static String sortedList(Collection<?> items) {
        return items.stream().map(String::valueOf).sorted().collect(Collectors.joining(SEPARATOR));
    }

    static @Nullable String text(Map<String, String> byLanguage, String language) {
        return byLanguage.get(language);
    }

    static @Nullable String date(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }

    static @Nullable String instant(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
