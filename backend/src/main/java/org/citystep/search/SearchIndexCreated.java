package org.citystep.search;

/**
 * An index was created empty (first start, wiped cluster, or a changed mapping) and now serves
 * reads through its alias. The feature that owns it fills it from MongoDB.
 *
 * @param name the short index name, e.g. {@code cities}
 */
public record SearchIndexCreated(String name) {
}
