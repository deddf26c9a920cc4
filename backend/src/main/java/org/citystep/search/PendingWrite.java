package org.citystep.search;

/**
 * A write that must reach search: document {@code documentId} of index {@code index}, recorded in
 * the {@link SearchOutbox} under {@code token}. Whoever indexes the document's current state settles
 * it with that token; a newer write replaced the token, so its own entry survives such a settle.
 */
public record PendingWrite(String index, String documentId, String token) {
}
