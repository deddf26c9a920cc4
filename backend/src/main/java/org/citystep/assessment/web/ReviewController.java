package org.citystep.assessment.web;

import org.citystep.assessment.AssessmentService;
import org.citystep.assessment.ReviewItem;
import org.citystep.assessment.ReviewStatus;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "Self-assessment", description = "A city's maturity self-assessment: draft, submit, validate")
class ReviewController {

    private final AssessmentService assessments;

    ReviewController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @GetMapping
    @Operation(summary = "The review queue of submitted self-assessments, oldest submission first (experts, curators, admins)",
            description = "Curators and admins see every entry; an expert sees those waiting for an expert and its own.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<PageResponse<ReviewItem>> queue(@RequestParam(required = false) @Nullable ReviewStatus status,
            @Parameter(description = "Only those assigned to me (experts)") @RequestParam(defaultValue = "false") boolean mine,
            @Valid @ParameterObject PageParams page, CurrentUser user) {
        return assessments.reviewQueue(status, mine, page, user);
    }
}
