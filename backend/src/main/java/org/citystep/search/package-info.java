/**
 * The Elasticsearch read model. MongoDB stays the source of truth; features hand their documents
 * to {@link org.citystep.search.SearchIndexer} after each write (best effort) and declare their
 * index as a {@link org.citystep.search.SearchIndex} bean: mapping, source, visibility and the
 * documents it is built from. The code here does the rest for every index alike: the pending mark
 * ({@link org.citystep.search.SearchOutbox}), catch-up, rebuilds and refills. Every index sits
 * behind an alias so it can be rebuilt and swapped without downtime. Queries go through
 * {@link org.citystep.search.SearchService}.
 */
@NullMarked
package org.citystep.search;

import org.jspecify.annotations.NullMarked;
