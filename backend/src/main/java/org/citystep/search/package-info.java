/**
 * The Elasticsearch read model. MongoDB stays the source of truth; features hand their documents
 * to {@link org.citystep.search.SearchIndexer} after each write (best effort) and declare their
 * index with a {@link org.citystep.search.SearchIndexDefinition}. Every index sits behind an
 * alias so it can be rebuilt and swapped without downtime. Queries go through
 * {@link org.citystep.search.SearchService}.
 */
@NullMarked
package org.citystep.search;

import org.jspecify.annotations.NullMarked;
