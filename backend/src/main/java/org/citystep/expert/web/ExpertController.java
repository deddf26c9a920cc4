package org.citystep.expert.web;

import java.net.URI;
import java.util.List;

import org.citystep.expert.ExpertFilter;
import org.citystep.expert.ExpertService;
import org.citystep.expert.ExpertStatus;
import org.citystep.reference.Characteristic;
import org.citystep.reference.ServiceDomain;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.citystep.shared.validation.Slug;
import org.citystep.shared.web.Replacements;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/experts")
@Tag(name = "Experts", description = "The technical expert group's database of experts")
class ExpertController {

    private final ExpertService experts;

    ExpertController(ExpertService experts) {
        this.experts = experts;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ExpertApproval", example = "{\"version\": 0}")
    record Approval(@NotNull @PositiveOrZero Long version) {
    }

    @GetMapping
    @Operation(summary = "Experts by characteristic, service domain and language, a page at a time",
            description = "Approved experts; curators may ask for status=PROPOSED. Contact details only for signed-in users.")
    Mono<PageResponse<ExpertView>> list(@RequestParam(required = false) @Nullable Characteristic characteristic,
            @RequestParam(required = false) @Nullable ServiceDomain domain,
            @RequestParam(required = false) @Nullable @Pattern(regexp = ExpertInput.LANGUAGE_TAG) String language,
            @RequestParam(required = false) @Nullable ExpertStatus status,
            @Parameter(description = "Words the expert's name starts with, the last one possibly unfinished (search as you type)")
            @RequestParam(required = false) @Nullable @Size(max = 100) String name,
            @Valid @ParameterObject PageParams page, CurrentUser user) {
        return experts.list(new ExpertFilter(characteristic, domain, language, status, name), page, user)
                .map(result -> result.map(expert -> ExpertView.of(expert, ExpertService.mayContact(user))));
    }

    @GetMapping("/me")
    @Operation(summary = "My own expert record (experts whose login is linked to one)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExpertView> mine(CurrentUser user) {
        return experts.mine(user).map(expert -> ExpertView.of(expert, true));
    }

    @PutMapping("/me")
    @Operation(summary = "Update my own expert profile: expertise per characteristic and level, service domains, "
            + "languages, availability, contact (experts)", security = @SecurityRequirement(name = "bearer"))
    Mono<ExpertView> updateMine(@Valid @RequestBody ExpertInput input, CurrentUser user) {
        return experts.mine(user).flatMap(own -> {
            var refused = Replacements.problem(own.id(), input.id(), input.version());
            if (refused.isPresent()) {
                return Mono.error(refused.get());
            }
            return experts.update(own.id(), input.version(), input.profile(), user);
        }).map(expert -> ExpertView.of(expert, true));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One expert; contact details only for signed-in users")
    Mono<ExpertView> get(@PathVariable @Slug String id, CurrentUser user) {
        return experts.get(id, user).map(expert -> ExpertView.of(expert, ExpertService.mayContact(user)));
    }

    @PostMapping
    @Operation(summary = "Propose an expert (curators, admins)", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Created as PROPOSED; Location names the new expert",
            headers = @Header(name = "Location", description = "/api/v1/experts/{id}", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    Mono<ResponseEntity<ExpertView>> propose(@Valid @RequestBody ExpertInput input, CurrentUser user) {
        if (input.id() == null) {
            return Mono.error(ApiException.invalid("expert.idRequired",
                    List.of(Problems.FieldMessage.of("id", "field.sendSlug"))));
        }
        return experts.propose(input.id(), input.profile(), user)
                .map(expert -> ResponseEntity.created(URI.create("/api/v1/experts/" + expert.id()))
                        .body(ExpertView.of(expert, true)));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a proposed expert (curators, admins)", security = @SecurityRequirement(name = "bearer"))
    Mono<ExpertView> approve(@PathVariable @Slug String id, @Valid @RequestBody Approval approval, CurrentUser user) {
        return experts.approve(id, approval.version(), user).map(expert -> ExpertView.of(expert, true));
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire an expert (curators, admins): gone from search, matching and review; the record stays",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExpertView> retire(@PathVariable @Slug String id, @Valid @RequestBody Approval approval, CurrentUser user) {
        return experts.retire(id, approval.version(), user).map(expert -> ExpertView.of(expert, true));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update an expert (the expert itself, curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExpertView> update(@PathVariable @Slug String id, @Valid @RequestBody ExpertInput input, CurrentUser user) {
        var refused = Replacements.problem(id, input.id(), input.version());
        if (refused.isPresent()) {
            return Mono.error(refused.get());
        }
        return experts.update(id, input.version(), input.profile(), user).map(expert -> ExpertView.of(expert, true));
    }
}
