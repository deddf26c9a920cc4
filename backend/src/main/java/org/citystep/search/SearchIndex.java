package org.citystep.search;

/**
 * One feature's index in the read model, declared as a bean by that feature: its name, the type
 * the search API calls its documents, its mapping, and who may find them. Where the documents come
 * from is declared beside it as {@link SearchDocuments}. The shared code in this package does the
 * rest for every index alike: the alias, the pending mark, catch-up, rebuilds and refills.
 *
 * <p>Documents carry {@code type}, {@code title.<lang>} and optionally {@code text.<lang>}, which
 * general search queries, plus whatever keyword facets the mapping declares.
 *
 * @param name            short name, e.g. {@code cities}; the alias is {@code <prefix>-<name>}
 * @param documentType    the document type as the search API names it, e.g. {@code city}
 * @param mappingResource classpath JSON with the index's {@code settings} and {@code mappings}
 * @param visibility      who may find the documents
 * @param generalSearch   whether the general search ({@code /api/v1/search}) looks in it; an index only its
 *                        feature queries (through {@link ReadModelQueries}), such as the audit log, says no
 */
public record SearchIndex(String name, String documentType, String mappingResource, SearchVisibility visibility,
        boolean generalSearch) {

    /** An index the general search looks in. */
    public SearchIndex(String name, String documentType, String mappingResource, SearchVisibility visibility) {
        this(name, documentType, mappingResource, visibility, true);
    }

    /** An index only its own feature queries, which the general search never shows. */
    public static SearchIndex readModelOnly(String name, String documentType, String mappingResource) {
        return new SearchIndex(name, documentType, mappingResource, SearchVisibility.when("type", "-"), false);
    }

    /** An index whose documents everyone may find. */
    public SearchIndex(String name, String documentType, String mappingResource) {
        this(name, documentType, mappingResource, SearchVisibility.everyone());
    }
}
