package org.citystep.search.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.search.SearchQuery;
import org.citystep.search.SearchService;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
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
        @Parameter(description = "Steps a case study climbs, as characteristic:fromLevel (the step up from that "
                + "level), e.g. FUNDING:BASIC; several widen") @Size(max = 20) @Nullable List<@Pattern(regexp = STEP) String> step,
        @Parameter(description = "EU, CHINA, OTHER") @Size(max = 3) @Nullable List<@Pattern(regexp = CODE) String> region,
        @Parameter(description = "ISO 3166-1 alpha-2") @Size(max = 20) @Nullable List<@Pattern(regexp = "[A-Z]{2}") String> country,
        @Parameter(description = "PILOT, SCALING, CITY_WIDE") @Size(max = 3) @Nullable List<@Pattern(regexp = CODE) String> stage,
        @Parameter(description = "Technology tags and flags, e.g. IOT, OPEN_API, CLOUD") @Size(max = 20) @Nullable List<@Pattern(regexp = CODE) String> tech,
        @Parameter(description = "Financing instrument codes") @Size(max = 20) @Nullable List<@Pattern(regexp = CODE) String> instrument,
        @Parameter(description = "Year a case study started") @Min(1900) @Max(2100) @Nullable Integer year,
        @Parameter(description = "Search only texts in this language, e.g. en or zh") @Pattern(regexp = "[a-z]{2,3}") @Nullable String lang) {

    private static final String CODE = "[A-Z0-9_]{2,60}";
    private static final String STEP = "[A-Z_]{2,40}:[A-Z_]{2,40}";

    SearchQuery toQuery(SearchQuery.Viewer viewer, PageParams page) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        putIfAny(filters, "serviceDomain", serviceDomain);
        putIfAny(filters, SearchService.STEP_FIELD, step == null ? null : step.stream().map(SearchParams::stepKey).toList());
        putIfAny(filters, "region", region);
        putIfAny(filters, "country", country);
        putIfAny(filters, "stage", stage);
        putIfAny(filters, "tech", tech);
        putIfAny(filters, "instrument", instrument);
        return new SearchQuery(q == null ? "" : q.strip(), type == null ? List.of() : type, filters, year, lang, viewer,
                page.page(), page.size());
    }

    /**
     * {@code FUNDING:BASIC} as the case studies' step key {@code FUNDING:BASIC:AVERAGE}: one term,
     * so a filter never matches half of one step and half of another.
     */
    private static String stepKey(String step) {
        String[] parts = step.split(":");
        Characteristic characteristic = constant(Characteristic.class, parts[0], "step");
        MaturityLevel from = constant(MaturityLevel.class, parts[1], "step");
        MaturityLevel to = from.next().filter(next -> from.isAssessed() && characteristic.rated())
                .orElseThrow(() -> ApiException.invalid("search.noSuchStep",
                        List.of(Problems.FieldMessage.of("step", "search.stepRule")), step));
        return characteristic.name() + ":" + from.name() + ":" + to.name();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String code, String field) {
        try {
            return Enum.valueOf(type, code);
        }
        catch (IllegalArgumentException unknown) {
            throw ApiException.invalid("search.noSuchStep", List.of(Problems.FieldMessage.of(field, "search.stepRule")),
                    code);
        }
    }

    private static void putIfAny(Map<String, List<String>> filters, String field, @Nullable List<String> values) {
        if (values != null && !values.isEmpty()) {
            filters.put(field, values);
        }
    }
}
