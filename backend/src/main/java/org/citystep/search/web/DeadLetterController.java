package org.citystep.search.web;

import java.util.Map;

import org.citystep.search.SearchOutbox;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/admin/search/dead-letters")
@Tag(name = "Administration", description = "Operating the search read model")
class DeadLetterController {

    private final SearchOutbox outbox;

    DeadLetterController(SearchOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    @Operation(summary = "Writes whose document could not be indexed after repeated tries (admins)",
            description = "The catch-up tries a failing document again with a growing pause; after ELASTICSEARCH_DEAD_LETTER_AFTER (ten) failures "
                    + "it stops and lists it here with the last error. Also counted by the metric "
                    + "citystep.search.dead.letters.", security = @SecurityRequirement(name = "bearer"))
    Mono<PageResponse<SearchOutbox.DeadLetter>> list(@Valid @ParameterObject PageParams page) {
        return Mono.zip(outbox.deadLetters(page).collectList(), outbox.deadLetterCount())
                .map(found -> new PageResponse<>(found.getT1(), page.page(), page.size(), found.getT2()));
    }

    @PostMapping("/retry")
    @Operation(summary = "Try every dead letter again now (admins)",
            description = "Answers how many were made due again; the catch-up indexes them within its interval.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<Map<String, Long>> retry() {
        return outbox.retryDeadLetters().map(count -> Map.of("retried", count));
    }
}
