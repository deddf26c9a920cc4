package org.citystep.search;

/**
 * An index a feature keeps in Elasticsearch, declared as a bean by that feature. Its documents
 * carry {@code type}, {@code title.<lang>} and optionally {@code text.<lang>}, which general search
 * queries, plus whatever keyword facets the mapping declares.
 *
 * @param name            short name, e.g. {@code cities}; the alias is {@code <prefix>-<name>}
 * @param documentType    the document type as the search API names it, e.g. {@code city}
 * @param mappingResource classpath JSON with the index's {@code settings} and {@code mappings}
 */
public record SearchIndexDefinition(String name, String documentType, String mappingResource) {
}
