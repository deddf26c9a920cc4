package org.citystep.search.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.search.SearchQuery;
import org.citystep.search.SearchResults;
import org.citystep.search.SearchService;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.paging.PageParams;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Full-text search in English and Chinese over published content")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search cities and case studies; the public sees published case studies, a city's "
            + "editors also their own city's in every state, curators everything",
            description = "Typo-tolerant for Latin-script words. An empty q lists everything the filters allow. "
                    + "Answers 503 problem+json while Elasticsearch is unreachable.")
    Mono<SearchResults> search(
            @Parameter(description = "Words to search for") @RequestParam(defaultValue = "") @Size(max = 200) String q,
            @Parameter(description = "Document types: city, case-study") @RequestParam(defaultValue = "") @Size(max = 5) List<String> type,
            @Parameter(description = "Service domain codes") @RequestParam(defaultValue = "") @Size(max = 16) List<@Pattern(regexp = CODE) String> serviceDomain,
            @Parameter(description = "Characteristic codes of the steps shown") @RequestParam(defaultValue = "") @Size(max = 9) List<@Pattern(regexp = CODE) String> characteristic,
            @Parameter(description = "Level a step starts from") @RequestParam(defaultValue = "") @Size(max = 6) List<@Pattern(regexp = CODE) String> fromLevel,
            @Parameter(description = "EU, CHINA, OTHER") @RequestParam(defaultValue = "") @Size(max = 3) List<@Pattern(regexp = CODE) String> region,
            @Parameter(description = "ISO 3166-1 alpha-2") @RequestParam(defaultValue = "") @Size(max = 20) List<@Pattern(regexp = "[A-Z]{2}") String> country,
            @Parameter(description = "PILOT, SCALING, CITY_WIDE") @RequestParam(defaultValue = "") @Size(max = 3) List<@Pattern(regexp = CODE) String> stage,
            @Parameter(description = "Technology tags and flags, e.g. IOT, OPEN_API, CLOUD") @RequestParam(defaultValue = "") @Size(max = 20) List<@Pattern(regexp = CODE) String> tech,
            @Parameter(description = "Financing instrument codes") @RequestParam(defaultValue = "") @Size(max = 20) List<@Pattern(regexp = CODE) String> instrument,
            @Parameter(description = "Year a case study started") @RequestParam(required = false) @jakarta.annotation.Nullable @jakarta.validation.constraints.Min(1900) @jakarta.validation.constraints.Max(2100) Integer year,
            @Parameter(description = "Search only texts in this language, e.g. en or zh") @RequestParam(required = false) @jakarta.annotation.Nullable @Pattern(regexp = "[a-z]{2,3}") String lang,
            @Valid @ParameterObject PageParams page, CurrentUser user) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        putIfAny(filters, "serviceDomain", serviceDomain);
        putIfAny(filters, "characteristic", characteristic);
        putIfAny(filters, "fromLevel", fromLevel);
        putIfAny(filters, "region", region);
        putIfAny(filters, "country", country);
        putIfAny(filters, "stage", stage);
        putIfAny(filters, "tech", tech);
        putIfAny(filters, "instrument", instrument);
        boolean curator = user.has(Role.CURATOR) || user.has(Role.ADMIN);
        String ownCity = user.has(Role.CITY_EDITOR) ? user.cityId().orElse(null) : null;
        return search.search(new SearchQuery(q.strip(), type, filters, year, lang,
                new SearchQuery.Viewer(curator, ownCity), page.page(), page.size()));
    }

    private static final String CODE = "[A-Z0-9_]{2,60}";

    private static void putIfAny(Map<String, List<String>> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            filters.put(field, values);
        }
    }

    /** Suggestions while typing. */
    record Suggestions(List<SearchService.Suggestion> suggestions) {
    }

    @GetMapping("/suggest")
    @Operation(summary = "Completions while typing: titles of published case studies and names of cities, "
            + "in any language")
    Mono<Suggestions> suggest(
            @Parameter(description = "What has been typed so far") @RequestParam @jakarta.validation.constraints.NotBlank
            @Size(max = 100) String q,
            @Parameter(description = "Document types to complete from: city, case-study, expert; all when absent")
            @RequestParam(defaultValue = "") @Size(max = 5) List<String> type,
            @RequestParam(defaultValue = "8") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(20) int size) {
        return search.suggest(q.strip(), type, size).map(Suggestions::new);
    }
}
