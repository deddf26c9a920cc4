package org.citystep.search;

import java.util.List;

/**
 * @param text          the words searched for; blank lists everything the filters allow
 * @param documentTypes API document types to search ({@code city}, …); empty searches all
 * @param page          zero-based page
 * @param size          hits per page
 */
public record SearchQuery(String text, List<String> documentTypes, int page, int size) {
}
