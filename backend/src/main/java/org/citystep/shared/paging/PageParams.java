package org.citystep.shared.paging;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Validated page coordinates; the bounds keep any single response small. */
public record PageParams(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;

    public PageRequest toPageRequest(Sort sort) {
        return PageRequest.of(page, size, sort);
    }

    public long offset() {
        return (long) page * size;
    }
}
