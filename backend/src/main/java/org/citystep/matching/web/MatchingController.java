package org.citystep.matching.web;

import org.citystep.matching.MatchingService;
import org.citystep.matching.Roadmap;
import org.citystep.matching.StepMatches;
import org.citystep.reference.Characteristic;
import org.citystep.security.CurrentUser;
import org.citystep.shared.validation.Slug;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cities/{id}")
@Tag(name = "Staircase", description = "Roadmap and peers one maturity step ahead")
class MatchingController {

    private final MatchingService matching;

    MatchingController(MatchingService matching) {
        this.matching = matching;
    }

    @GetMapping("/roadmap")
    @Operation(summary = "The city's staircase: per characteristic its level, the criteria missing for the next, "
            + "balance against its median, the top three peers and experts",
            description = "For the city's editors, experts, curators and admins. A characteristic two or more "
                    + "levels above the median of the assessed ones is ISOLATED_ADVANCE, two or more below LAGGING.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<Roadmap> roadmap(@PathVariable @Slug String id, CurrentUser user) {
        return matching.roadmap(id, user);
    }

    @GetMapping("/matches")
    @Operation(summary = "Peer cities exactly one level ahead in a characteristic, ranked and explained",
            description = "Candidates are the cities at the next level, never further ahead; a city at "
                    + "STATE_OF_THE_ART gets peers at the same level (relation SAME_LEVEL). Ranked by context, "
                    + "shared interests, similar projects, balance and evidence (see the README). A characteristic "
                    + "without a validated level answers 409 urn:citystep:problem:assessment-needed.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<StepMatches> matches(@PathVariable @Slug String id, @RequestParam Characteristic characteristic,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit, CurrentUser user) {
        return matching.matches(id, characteristic, limit, user);
    }
}
