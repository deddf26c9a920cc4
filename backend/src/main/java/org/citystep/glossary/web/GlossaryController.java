package org.citystep.glossary.web;

import java.net.URI;

import org.citystep.glossary.GlossaryCategory;
import org.citystep.glossary.GlossaryService;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.validation.Slug;
import org.citystep.shared.web.Replacements;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/glossary")
@Tag(name = "Glossary", description = "The expert group's bilingual smart-city terms that carry searches across "
        + "English and Chinese")
class GlossaryController {

    private final GlossaryService glossary;

    GlossaryController(GlossaryService glossary) {
        this.glossary = glossary;
    }

    @GetMapping
    @Operation(summary = "Glossary terms, by id, a page at a time",
            description = "q finds terms containing the words in either language; category narrows to one kind.")
    PageResponse<GlossaryView> list(@RequestParam(required = false) @Nullable @Size(max = 60) String q,
            @RequestParam(required = false) @Nullable GlossaryCategory category, @Valid @ParameterObject PageParams page) {
        return glossary.list(q, category, page).map(GlossaryView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One glossary term")
    Mono<GlossaryView> get(@PathVariable @Slug String id) {
        return glossary.get(id).map(GlossaryView::of);
    }

    @PostMapping
    @Operation(summary = "Add a term (curators, admins); searches use it at once, without a reindex",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Created; Location names the new term",
            headers = @Header(name = "Location", description = "/api/v1/glossary/{id}",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    Mono<ResponseEntity<GlossaryView>> create(@Valid @RequestBody GlossaryInput input, CurrentUser user) {
        return glossary.create(input.id(), input.content(), user)
                .map(term -> ResponseEntity.created(URI.create("/api/v1/glossary/" + term.id())).body(GlossaryView.of(term)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a term (curators, admins), sending the version read",
            security = @SecurityRequirement(name = "bearer"))
    Mono<GlossaryView> update(@PathVariable @Slug String id, @Valid @RequestBody GlossaryInput input, CurrentUser user) {
        var refused = Replacements.problem(id, input.id(), input.version());
        if (refused.isPresent()) {
            return Mono.error(refused.get());
        }
        return glossary.update(id, input.version(), input.content(), user).map(GlossaryView::of);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a term (curators, admins)", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> delete(@PathVariable @Slug String id, CurrentUser user) {
        return glossary.delete(id, user).thenReturn(ResponseEntity.noContent().<Void>build());
    }
}
