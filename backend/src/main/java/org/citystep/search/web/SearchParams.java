package org.citystep.search.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.search.SearchQuery;
import org.citystep.shared.paging.PageParams;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The query parameters of a search, bound once for {@code GET /api/v1/search} and for the admins'
 * view of the request it sends Elasticsearch, so both build the same query.
 */
record SearchParams(
        @Parameter(description = "Words to search for") @Size(max = 200) @Nullable String q,
        @Parameter(description = "Document types: city, case-study") @Size(max = 5) @Nullable List<String> type,
        @Parameter(description = "Service domain codes") @Size(max = 16) @Nullable List<@Pattern(regexp = CODE) String> serviceDomain,
        @Parameter(description = "Characteristic codes of the steps shown") @Size(max = 9) @Nullable List<@Pattern(regexp = CODE) String> characteristic,
        @Parameter(description = "Level a step starts from") @Size(max = 6) @Nullable List<@Pattern(regexp = CODE) String> fromLevel,
        @Parameter(description = "EU, CHINA, OTHER") @Size(max = 3) @Nullable List<@Pattern(regexp = CODE) String> region,
        @Parameter(description = "ISO 3166-1 alpha-2") @Size(max = 20) @Nullable List<@Pattern(regexp = "[A-Z]{2}") String> country,
        @Parameter(description = "PILOT, SCALING, CITY_WIDE") @Size(max = 3) @Nullable List<@Pattern(regexp = CODE) String> stage,
        @Parameter(description = "Technology tags and flags, e.g. IOT, OPEN_API, CLOUD") @Size(max = 20) @Nullable List<@Pattern(regexp = CODE) String> tech,
        @Parameter(description = "Financing instrument codes") @Size(max = 20) @Nullable List<@Pattern(regexp = CODE) String> instrument,
        @Parameter(description = "Year a case study started") @Min(1900) @Max(2100) @Nullable Integer year,
        @Parameter(description = "Search only texts in this language, e.g. en or zh") @Pattern(regexp = "[a-z]{2,3}") @Nullable String lang) {

    private static final String CODE = "[A-Z0-9_]{2,60}";

    SearchQuery toQuery(SearchQuery.Viewer viewer, PageParams page) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        putIfAny(filters, "serviceDomain", serviceDomain);
        putIfAny(filters, "characteristic", characteristic);
        putIfAny(filters, "fromLevel", fromLevel);
        putIfAny(filters, "region", region);
        putIfAny(filters, "country", country);
        putIfAny(filters, "stage", stage);
        putIfAny(filters, "tech", tech);
        putIfAny(filters, "instrument", instrument);
        return new SearchQuery(q == null ? "" : q.strip(), type == null ? List.of() : type, filters, year, lang, viewer,
                page.page(), page.size());
    }

    private static void putIfAny(Map<String, List<String>> filters, String field, @Nullable List<String> values) {
        if (values != null && !values.isEmpty()) {
            filters.put(field, values);
        }
    }
}
