package org.citystep.search;

/**
 * Documents were written to the read model's index {@code indexName} (by its logical name, e.g.
 * {@code case-studies}): what reads the read model, such as the cluster suggestions, can follow the
 * write, which reaches the index a moment after the MongoDB write it reflects (or, after an outage,
 * much later, through the catch-up).
 */
public record ReadModelChanged(String indexName) {
}
