package org.citystep.search.web;

import java.util.List;

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
    Mono<SearchResults> search(@Valid @ParameterObject SearchParams params, @Valid @ParameterObject PageParams page,
            CurrentUser user) {
        return search.search(params.toQuery(viewer(user), page));
    }

    /** Cities are public; a city's editors also see their own city's case studies; curators and admins everything. */
    static SearchQuery.Viewer viewer(CurrentUser user) {
        boolean curator = user.has(Role.CURATOR) || user.has(Role.ADMIN);
        String ownCity = user.has(Role.CITY_EDITOR) ? user.cityId().orElse(null) : null;
        return new SearchQuery.Viewer(curator, ownCity);
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
