package org.citystep.shared.paging;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The {@code page} and {@code size} query parameters of every list, bound and validated in one
 * place (declare it as a {@code @Valid @ParameterObject PageParams page} argument). The bounds keep
 * any single response small.
 *
 * @param page zero-based page number, 0 by default
 * @param size items per page, 20 by default
 */
public record PageParams(
        @Schema(description = "Zero-based page number", defaultValue = "0") @Min(0) @Max(PageParams.MAX_PAGE) Integer page,
        @Schema(description = "Items per page", defaultValue = "20") @Min(1) @Max(PageParams.MAX_SIZE) Integer size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;

    public PageParams(@Nullable Integer page, @Nullable Integer size) {
        this.page = page == null ? 0 : page;
        this.size = size == null ? 20 : size;
    }

    public PageRequest toPageRequest(Sort sort) {
        return PageRequest.of(page, size, sort);
    }
}
