package org.citystep.search.web;

import org.citystep.search.SearchQuery;
import org.citystep.search.SearchService;
import org.citystep.shared.paging.PageParams;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/admin/search/request")
@Tag(name = "Administration", description = "Operating the search read model")
class SearchRequestController {

    private final SearchService search;

    SearchRequestController(SearchService search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "The exact request GET /api/v1/search sends Elasticsearch for these parameters, as an "
            + "anonymous visitor (admins)",
            description = "Method, path (aliases and URL parameters) and JSON body, built by the same code as the "
                    + "search itself; the scale benchmark sends it straight to Elasticsearch to compare. "
                    + "Does not call Elasticsearch.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<SearchService.ElasticsearchRequest> request(@Valid @ParameterObject SearchParams params,
            @Valid @ParameterObject PageParams page) {
        return search.requestFor(params.toQuery(SearchQuery.Viewer.PUBLIC, page));
    }
}
