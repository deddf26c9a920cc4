package org.citystep.search;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One page of search hits with facet counts over all hits.
 *
 * @param total  number of hits in all pages
 * @param hits   this page's hits, best first
 * @param facets per facet field, the values among the hits and how many hits have each
 */
public record SearchResults(long total, int page, int size, List<Hit> hits, Map<String, List<FacetCount>> facets) {

    /**
     * @param status     a case study's curation state (callers see other than PUBLISHED only for their own
     *                   city, or as curators)
     * @param highlights per field, fragments with the matched words wrapped in {@code <em>}
     */
    public record Hit(String id, String type, Map<String, String> title, @Nullable String status,
            Map<String, List<String>> highlights, double score) {
    }

    public record FacetCount(String key, long count) {
    }
}
