package org.citystep.casestudy.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.citystep.casestudy.AuditEntry;
import org.citystep.casestudy.CaseStudyFilter;
import org.citystep.casestudy.CaseStudyService;
import org.citystep.casestudy.CaseStudyStatus;
import org.citystep.casestudy.ReviewDecision;
import org.citystep.reference.Characteristic;
import org.citystep.reference.ServiceDomain;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.citystep.shared.validation.NoMarkup;
import org.citystep.shared.validation.PlainText;
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
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/case-studies")
@Tag(name = "Case studies", description = "Good practice and its curation")
class CaseStudyController {

    private final CaseStudyService studies;
    private final Clock clock;

    CaseStudyController(CaseStudyService studies, Clock clock) {
        this.studies = studies;
        this.clock = clock;
    }

    @Schema(name = "CaseStudyStep", example = "{\"version\": 3}")
    record Step(@NotNull @PositiveOrZero Long version) {
    }

    @Schema(name = "CaseStudyReview", example = "{\"version\": 3, \"decision\": \"REQUEST_CHANGES\", "
            + "\"note\": \"Add the baseline year of the parking search time.\"}")
    record Review(@NotNull @PositiveOrZero Long version, @NotNull ReviewDecision decision,
            @Nullable @Size(max = 2000) @NoMarkup String note) {
    }

    @Schema(name = "BestPractice", example = "{\"version\": 5, \"bestPractice\": true, \"awards\": [\"CityStep best practice 2026\"]}")
    record BestPractice(@NotNull @PositiveOrZero Long version, @NotNull Boolean bestPractice,
            @Nullable @Size(max = 20) List<@NotNull @Size(max = 200) @PlainText String> awards) {
    }

    @GetMapping
    @Operation(summary = "Case studies a page at a time, newest change first",
            description = "Published ones for everyone; a city's editors also see their own city's in every state; "
                    + "curators see all, and may list the curation queue (status=SUBMITTED) and those due for "
                    + "re-verification (dueForReverification=true).")
    Mono<PageResponse<CaseStudyView>> list(@RequestParam(required = false) @Nullable @Slug String cityId,
            @RequestParam(required = false) @Nullable CaseStudyStatus status,
            @RequestParam(required = false) @Nullable ServiceDomain serviceDomain,
            @RequestParam(required = false) @Nullable Characteristic characteristic,
            @RequestParam(defaultValue = "false") boolean dueForReverification,
            @Valid @ParameterObject PageParams page, CurrentUser user) {
        return studies.list(new CaseStudyFilter(cityId, status, serviceDomain, characteristic, dueForReverification),
                page, user).map(result -> result.map(study -> CaseStudyView.of(study, today(), user)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One case study; drafts only for their city's editors and curators")
    Mono<CaseStudyView> get(@PathVariable @Slug String id, CurrentUser user) {
        return studies.get(id, user).map(study -> CaseStudyView.of(study, today(), user));
    }

    @PostMapping
    @Operation(summary = "Draft a case study (the city's editors, curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "201", description = "Created as DRAFT",
            headers = @Header(name = "Location", description = "/api/v1/case-studies/{id}", schema = @Schema(type = "string")))
    Mono<ResponseEntity<CaseStudyView>> create(@Valid @RequestBody CaseStudyInput input, CurrentUser user) {
        return studies.create(input.id(), input.cityId(), input.content(), user)
                .map(study -> ResponseEntity.created(URI.create("/api/v1/case-studies/" + study.id()))
                        .body(CaseStudyView.of(study, today(), user)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a draft, or one with changes requested (its city's editors, curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<CaseStudyView> update(@PathVariable @Slug String id, @Valid @RequestBody CaseStudyInput input,
            CurrentUser user) {
        var refused = Replacements.problem(id, input.id(), input.version());
        if (refused.isPresent()) {
            return Mono.error(refused.get());
        }
        return studies.get(id, user)
                .flatMap(existing -> existing.cityId().equals(input.cityId()) ? studies.update(id, input.version(),
                        input.content(), user) : Mono.error(new ApiException(ProblemType.VALIDATION_FAILED,
                        "caseStudy.staysWithCity", existing.cityId())))
                .map(study -> CaseStudyView.of(study, today(), user));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit for curation (its city's editors, curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<CaseStudyView> submit(@PathVariable @Slug String id, @Valid @RequestBody Step step, CurrentUser user) {
        return studies.submit(id, step.version(), user).map(study -> CaseStudyView.of(study, today(), user));
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Curation decision: request changes, publish, reject or archive (curators, admins)",
            description = "A note is required to request changes or reject. Illegal transitions answer 409.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<CaseStudyView> review(@PathVariable @Slug String id, @Valid @RequestBody Review review, CurrentUser user) {
        return studies.review(id, review.version(), review.decision(), review.note(), user)
                .map(study -> CaseStudyView.of(study, today(), user));
    }

    @PostMapping("/{id}/best-practice")
    @Operation(summary = "Mark or unmark as best practice, with awards (curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<CaseStudyView> bestPractice(@PathVariable @Slug String id, @Valid @RequestBody BestPractice mark,
            CurrentUser user) {
        return studies.markBestPractice(id, mark.version(), mark.bestPractice(),
                mark.awards() == null ? List.of() : mark.awards(), user).map(study -> CaseStudyView.of(study, today(), user));
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "Confirm a published case study is still accurate (curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<CaseStudyView> verify(@PathVariable @Slug String id, @Valid @RequestBody Step step, CurrentUser user) {
        return studies.verify(id, step.version(), user).map(study -> CaseStudyView.of(study, today(), user));
    }

    @GetMapping("/{id}/similar")
    @Operation(summary = "Published case studies most like this one (more-like-this over titles and texts)",
            description = "Answers 503 problem+json while Elasticsearch is unreachable.")
    Mono<List<org.citystep.search.SearchResults.Hit>> similar(@PathVariable @Slug String id,
            @RequestParam(defaultValue = "5") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(20) int size,
            CurrentUser user) {
        return studies.similar(id, size, user);
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Every transition: who, when, from, to, note (curators, admins, its city's editors)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<List<AuditEntry>> audit(@PathVariable @Slug String id, CurrentUser user) {
        return studies.audit(id, user);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
