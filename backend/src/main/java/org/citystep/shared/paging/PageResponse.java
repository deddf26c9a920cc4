package org.citystep.shared.paging;

import java.util.List;
import java.util.function.Function;

/** The one paging shape of every list CityStep answers with. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
