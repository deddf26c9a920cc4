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
     * @param via        when the hit did not match the words typed in their own language: the
     *                   glossary terms that carried the search to it (empty otherwise)
     */
    public record Hit(String id, String type, Map<String, String> title, @Nullable String status,
            Map<String, List<String>> highlights, double score, List<Bridge> via) {

        Hit carriedBy(List<Bridge> bridges) {
            return new Hit(id, type, title, status, highlights, score, bridges);
        }
    }

    /**
     * A glossary term that carried a search to a hit: the words typed ({@code from}, in
     * {@code fromLanguage}) and the terms of the glossary entry {@code termId} that the hit contains
     * ({@code to}, in {@code toLanguage}).
     */
    public record Bridge(String termId, String from, String fromLanguage, List<String> to, String toLanguage) {
    }

    public record FacetCount(String key, long count) {
    }
}
