package org.citystep.search;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * @param text          the words searched for; blank lists everything the filters allow
 * @param documentTypes API document types to search ({@code city}, …); empty searches all
 * @param filters       exact values of facet fields ({@code serviceDomain}, {@code region}, …) a hit
 *                      must have; several fields narrow, several values of one field widen
 * @param year          the year a case study started, when given
 * @param language      search only the texts of this language ({@code en}, {@code zh}, …), when given
 * @param page          zero-based page
 * @param size          hits per page
 */
public record SearchQuery(String text, List<String> documentTypes, Map<String, List<String>> filters,
        @Nullable Integer year, @Nullable String language, int page, int size) {

    public SearchQuery {
        filters = Map.copyOf(filters);
    }

    public static SearchQuery of(String text, List<String> documentTypes, int page, int size) {
        return new SearchQuery(text, documentTypes, Map.of(), null, null, page, size);
    }
}
