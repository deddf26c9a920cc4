package org.citystep.search.web;

import java.net.URI;

import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.search.ReindexJob;
import org.citystep.security.CurrentUser;
import org.citystep.search.SearchRebuilds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/admin/reindex")
@Tag(name = "Administration", description = "Operating the search read model")
class ReindexController {

    private final SearchRebuilds rebuilds;
    private final AuditLog audit;

    ReindexController(SearchRebuilds rebuilds, AuditLog audit) {
        this.rebuilds = rebuilds;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Rebuild every search index from MongoDB without downtime (admins)",
            description = "Answers at once; follow the job's progress at its Location. Searches keep answering "
                    + "from the old index until the new one is complete. 409 while a rebuild runs.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "202", description = "Started",
            headers = @Header(name = "Location", description = "/api/v1/admin/reindex/{id}", schema = @Schema(type = "string")))
    Mono<ResponseEntity<ReindexJob>> start(CurrentUser user) {
        return rebuilds.start()
                .flatMap(job -> audit.record(user, AuditEvent.of("search.rebuildStarted", "reindexJob", job.getId(),
                        null, null, null)).thenReturn(job))
                .map(job -> ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/reindex/" + job.getId())).body(job));
    }

    @GetMapping("/latest")
    @Operation(summary = "The latest rebuild and its progress (admins)", security = @SecurityRequirement(name = "bearer"))
    Mono<ReindexJob> latest() {
        return rebuilds.latest();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A rebuild and its progress per index (admins)", security = @SecurityRequirement(name = "bearer"))
    Mono<ReindexJob> job(@PathVariable @Pattern(regexp = "[0-9-]{10,40}") String id) {
        return rebuilds.job(id);
    }
}
