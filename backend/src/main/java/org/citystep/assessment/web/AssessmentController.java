package org.citystep.assessment.web;

import org.citystep.assessment.AssessmentService;
import org.citystep.assessment.AssessmentView;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.validation.Slug;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cities/{id}/assessment")
@Tag(name = "Self-assessment", description = "A city's maturity self-assessment: draft, submit, validate")
class AssessmentController {

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @GetMapping
    @Operation(summary = "The city's current validated self-assessment, levels derived from the criteria met")
    Mono<AssessmentView> current(@PathVariable @Slug String id) {
        return assessments.current(id);
    }

    @GetMapping("/history")
    @Operation(summary = "Earlier validated self-assessments, newest first")
    Mono<PageResponse<AssessmentView>> history(@PathVariable @Slug String id, @Valid @ParameterObject PageParams page) {
        return assessments.history(id, page);
    }

    @GetMapping("/draft")
    @Operation(summary = "The draft being worked on (the city's editors, the assigned expert, curators, admins)",
            description = "204 with no body while the city has no draft: not having one yet is no error.",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "The draft",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @ApiResponse(responseCode = "204", description = "The city has no draft", content = @Content)
    Mono<ResponseEntity<AssessmentView>> draft(@PathVariable @Slug String id, CurrentUser user) {
        return assessments.draft(id, user).map(ResponseEntity::ok)
                .defaultIfEmpty(ResponseEntity.noContent().build());
    }

    @PutMapping("/draft")
    @Operation(summary = "Save the draft (the city's editors, curators, admins)",
            description = "Levels in the answer are derived from the criteria met, as they will be once validated.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<AssessmentView> saveDraft(@PathVariable @Slug String id, @Valid @RequestBody AssessmentRequests.Draft draft,
            CurrentUser user) {
        return assessments.saveDraft(id, draft.version(), draft.answers(), user);
    }

    @PostMapping("/draft/submit")
    @Operation(summary = "Submit the draft for an expert's review", security = @SecurityRequirement(name = "bearer"))
    Mono<AssessmentView> submit(@PathVariable @Slug String id, @Valid @RequestBody AssessmentRequests.Step step,
            CurrentUser user) {
        return assessments.submit(id, step.version(), user);
    }

    @PostMapping("/draft/assign")
    @Operation(summary = "Assign the submitted draft's review to an approved expert with matching expertise (curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<AssessmentView> assign(@PathVariable @Slug String id, @Valid @RequestBody AssessmentRequests.Assignment step,
            CurrentUser user) {
        return assessments.assign(id, step.version(), step.expertId(), user);
    }

    @PostMapping("/draft/claim")
    @Operation(summary = "Take on the submitted draft's review (approved experts with matching expertise)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<AssessmentView> claim(@PathVariable @Slug String id, @Valid @RequestBody AssessmentRequests.Claim step,
            CurrentUser user) {
        return assessments.claim(id, step.version(), user);
    }

    @PostMapping("/draft/validate")
    @Operation(summary = "Validate the submitted draft (the assigned expert, admins); it becomes the city's current assessment",
            security = @SecurityRequirement(name = "bearer"))
    Mono<AssessmentView> validate(@PathVariable @Slug String id, @Valid @RequestBody AssessmentRequests.Step step,
            CurrentUser user) {
        return assessments.validate(id, step.version(), step.note(), user);
    }

    @PostMapping("/draft/return")
    @Operation(summary = "Return the submitted draft to the city with a note (the assigned expert, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<AssessmentView> returnForChanges(@PathVariable @Slug String id,
            @Valid @RequestBody AssessmentRequests.Return step, CurrentUser user) {
        return assessments.returnForChanges(id, step.version(), step.note(), user);
    }
}
