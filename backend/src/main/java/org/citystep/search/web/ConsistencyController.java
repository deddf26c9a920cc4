package org.citystep.search.web;

import org.citystep.search.SearchConsistency;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/admin/search/consistency")
@Tag(name = "Administration", description = "Operating the search read model")
class ConsistencyController {

    private final SearchConsistency consistency;

    ConsistencyController(SearchConsistency consistency) {
        this.consistency = consistency;
    }

    @GetMapping
    @Operation(summary = "Compare every search index with MongoDB: ids and versions (admins)",
            description = "Reads every document of both sides in batches, so it takes as long as a rebuild's "
                    + "reading. Differences that pending writes explain disappear once the catch-up has indexed them.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<SearchConsistency.Report> check() {
        return consistency.check(false);
    }

    @PostMapping("/repair")
    @Operation(summary = "Compare, and hand every difference to the search catch-up (admins)",
            description = "Missing and stale documents are indexed again, documents gone from MongoDB are removed "
                    + "from the index, within the catch-up's interval.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<SearchConsistency.Report> repair() {
        return consistency.check(true);
    }
}
