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
        @Nullable Integer year, @Nullable String language, Viewer viewer, int page, int size) {

    public SearchQuery {
        filters = Map.copyOf(filters);
    }

    /**
     * Who searches: the public sees published content; a city's editors also their own city's case
     * studies in every state; curators and admins everything.
     *
     * @param ownCityId the city an editor is bound to
     */
    public record Viewer(boolean seesEverything, @Nullable String ownCityId) {

        public static final Viewer PUBLIC = new Viewer(false, null);
    }
}
