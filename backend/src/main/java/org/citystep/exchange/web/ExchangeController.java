package org.citystep.exchange.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.citystep.exchange.Exchange;
import org.citystep.exchange.ExchangeMessage;
import org.citystep.exchange.ExchangeService;
import org.citystep.exchange.ExchangeState;
import org.citystep.exchange.ExchangeStats;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/exchanges")
@Tag(name = "Exchanges", description = "Knowledge exchange between cities: ask a peer one step ahead, meet, record "
        + "what was learnt")
class ExchangeController {

    /** Exchange ids are ObjectIds in hexadecimal. */
    static final String ID = "[0-9a-f]{24}";

    private final ExchangeService exchanges;

    ExchangeController(ExchangeService exchanges) {
        this.exchanges = exchanges;
    }

    @PostMapping
    @Operation(summary = "Ask a peer city for an exchange about one step (the asking city's editors)",
            description = "The peer must be exactly one validated level ahead in the step's characteristic (the same "
                    + "level at State of the Art), and `step.fromLevel` the asking city's level; members of one active "
                    + "cluster may ask each other about any step. Otherwise 422 "
                    + "urn:citystep:problem:exchange-peer-not-one-step-ahead. A city has at most "
                    + "`CITYSTEP_EXCHANGES_MAX_OPEN_PER_CITY` open requests (429 urn:citystep:problem:exchange-limit); "
                    + "a request the peer declined cannot be sent again for `CITYSTEP_EXCHANGES_RESEND_AFTER` (409 "
                    + "urn:citystep:problem:exchange-declined-recently, with `sendableFrom`); while the same request (asking city, peer, step) is "
                    + "open, another answers 409 urn:citystep:problem:exchange-already-open, with its `exchangeId`. `message` opens the "
                    + "conversation.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ResponseEntity<ExchangeView>> create(@Valid @RequestBody ExchangeRequests.Create input, CurrentUser user) {
        return exchanges.create(new ExchangeService.NewRequest(input.askingCityId(), input.peerCityId(), input.step(),
                        input.format(), input.origin(), input.caseStudyId(),
                        input.proposedSlots() == null ? List.of() : input.proposedSlots(), input.message()), user)
                .flatMap(exchange -> view(exchange, user))
                .map(view -> ResponseEntity.created(URI.create("/api/v1/exchanges/" + view.id())).body(view));
    }

    @GetMapping
    @Operation(summary = "Exchanges a page at a time, newest request first",
            description = "A city's editors see their own city's (the default; another city's is 403), curators and "
                    + "admins any city's or, without `cityId`, all; an expert those it is invited to.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<PageResponse<ExchangeView>> list(@RequestParam(required = false) @Nullable @Slug String cityId,
            @RequestParam(required = false) @Nullable ExchangeState state, @Valid @ParameterObject PageParams page,
            CurrentUser user) {
        return exchanges.list(cityId, state, page, user)
                .flatMap(result -> exchanges.describe(result.items(), user)
                        .map(described -> new PageResponse<>(described.stream().map(ExchangeView::of).toList(),
                                result.page(), result.size(), result.total())));
    }

    @GetMapping("/stats")
    @Operation(summary = "Exchanges in numbers (curators, admins)",
            description = "Per step, format and state; how many hours peers took to answer (median and 90th "
                    + "percentile over the latest 1,000 answers); how useful completed exchanges were (1–5).",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExchangeStats> stats(CurrentUser user) {
        return exchanges.stats(user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One exchange (its two cities' editors, invited experts, curators, admins; 404 for anyone else)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExchangeView> get(@PathVariable @Pattern(regexp = ID) String id, CurrentUser user) {
        return exchanges.get(id, user).flatMap(exchange -> view(exchange, user));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept the request (the peer's editors), optionally at one of the proposed dates",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExchangeView> accept(@PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody ExchangeRequests.Acceptance body, CurrentUser user) {
        return exchanges.accept(id, body.version(), body.slot(), user).flatMap(exchange -> view(exchange, user));
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline the request with a reason (the peer's editors)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExchangeView> decline(@PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody ExchangeRequests.Decline body, CurrentUser user) {
        return exchanges.decline(id, body.version(), body.reason(), user).flatMap(exchange -> view(exchange, user));
    }

    @PostMapping("/{id}/dates")
    @Operation(summary = "Propose other dates (either city's editors); a date agreed before is open again",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExchangeView> dates(@PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody ExchangeRequests.Dates body, CurrentUser user) {
        return exchanges.proposeDates(id, body.version(), body.slots(), user).flatMap(exchange -> view(exchange, user));
    }

    @PostMapping("/{id}/agree")
    @Operation(summary = "Agree to one of the dates the other side proposed (the side that did not propose them)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExchangeView> agree(@PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody ExchangeRequests.Agreement body, CurrentUser user) {
        return exchanges.agree(id, body.version(), body.slot(), user).flatMap(exchange -> view(exchange, user));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel the request (the asking city's editors)", security = @SecurityRequirement(name = "bearer"))
    Mono<ExchangeView> cancel(@PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody ExchangeRequests.Version body, CurrentUser user) {
        return exchanges.cancel(id, body.version(), user).flatMap(exchange -> view(exchange, user));
    }

    @PostMapping("/{id}/experts")
    @Operation(summary = "Invite an approved expert (either city's editors, curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExchangeView> invite(@PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody ExchangeRequests.Invitation body, CurrentUser user) {
        return exchanges.inviteExpert(id, body.version(), body.expertId(), user).flatMap(exchange -> view(exchange, user));
    }

    @PostMapping("/{id}/experts/{expertId}/answer")
    @Operation(summary = "Accept or decline an invitation (the invited expert)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExchangeView> answer(@PathVariable @Pattern(regexp = ID) String id, @PathVariable @Slug String expertId,
            @Valid @RequestBody ExchangeRequests.InviteAnswer body, CurrentUser user) {
        return exchanges.answerInvite(id, body.version(), expertId, body.accept(), user)
                .flatMap(exchange -> view(exchange, user));
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "The conversation, oldest first (the exchange's readers)",
            description = "Messages are plain text as written, in any language; clients show them as text, never as HTML.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<PageResponse<ExchangeMessage>> messages(@PathVariable @Pattern(regexp = ID) String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageParams.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageParams.MAX_SIZE) int size, CurrentUser user) {
        return exchanges.messages(id, new PageParams(page, size), user);
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Write in the conversation (the two cities' editors, invited experts, curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ResponseEntity<ExchangeMessage>> post(@PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody ExchangeRequests.MessageInput body, CurrentUser user) {
        return exchanges.post(id, body.text(), user)
                .map(message -> ResponseEntity.created(URI.create("/api/v1/exchanges/" + id + "/messages")).body(message));
    }

    @GetMapping("/{id}/calendar.ics")
    @Operation(summary = "The agreed date as an iCalendar file (the exchange's readers; 409 while no date is agreed)",
            description = "One event in UTC; its description gives the time in each city's own time zone.",
            security = @SecurityRequirement(name = "bearer"),
            responses = @ApiResponse(responseCode = "200", description = "text/calendar",
                    content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string"))))
    Mono<ResponseEntity<String>> calendar(@PathVariable @Pattern(regexp = ID) String id, CurrentUser user) {
        return exchanges.calendar(id, user).map(ics -> ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("citystep-exchange-" + id + ".ics").build().toString())
                .body(ics));
    }

    @PutMapping("/{id}/outcome")
    @Operation(summary = "Record what was learnt (the asking city's editors, after the agreed date's end)",
            description = "The exchange becomes COMPLETED; the peer sees the outcome.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ExchangeView> outcome(@PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody ExchangeRequests.OutcomeInput body, CurrentUser user) {
        return exchanges.recordOutcome(id, body.version(), body.learnt(), body.willAdopt(), body.usefulness(), user)
                .flatMap(exchange -> view(exchange, user));
    }

    @PostMapping("/{id}/case-study-draft")
    @Operation(summary = "Turn a completed exchange into a case-study draft of the asking city (its editors)",
            description = "Pre-filled from the step, the peer and the outcome; edit and submit it as any case study.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ResponseEntity<ExchangeRequests.DraftCreated>> draft(@PathVariable @Pattern(regexp = ID) String id,
            CurrentUser user) {
        return exchanges.makeDraft(id, user).map(caseStudyId -> ResponseEntity
                .created(URI.create("/api/v1/case-studies/" + caseStudyId))
                .body(new ExchangeRequests.DraftCreated(caseStudyId)));
    }

    private Mono<ExchangeView> view(Exchange exchange, CurrentUser user) {
        return exchanges.describe(exchange, user).map(ExchangeView::of);
    }
}
