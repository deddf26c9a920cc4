package org.citystep.search;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Who may find an index's documents, declared by the feature that owns the index: everyone, or
 * everyone when a field holds one of some values (a published case study), and beyond that the
 * editors of the city a document belongs to. Curators and admins see every document.
 *
 * @param field       the keyword field that decides, or null when every document is public
 * @param publicValues the values of {@code field} that make a document public
 * @param ownerField  the keyword field naming the city whose editors see the document anyway
 */
public record SearchVisibility(@Nullable String field, List<String> publicValues, @Nullable String ownerField) {

    public SearchVisibility {
        publicValues = List.copyOf(publicValues);
        if (field != null && publicValues.isEmpty()) {
            throw new IllegalArgumentException("A visibility field needs the values that make a document public");
        }
    }

    public static SearchVisibility everyone() {
        return new SearchVisibility(null, List.of(), null);
    }

    /** Public when {@code field} holds one of {@code values}. */
    public static SearchVisibility when(String field, String... values) {
        return new SearchVisibility(Objects.requireNonNull(field), List.of(values), null);
    }

    /** Also visible to the editors of the city that {@code cityField} names. */
    public SearchVisibility orOwnedByCityIn(String cityField) {
        return new SearchVisibility(field, publicValues, cityField);
    }

    boolean isPublic() {
        return field == null;
    }
}
