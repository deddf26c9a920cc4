package org.citystep.exchange.web;

import java.util.List;

import org.citystep.exchange.Exchange;
import org.citystep.exchange.ExchangeFormat;
import org.citystep.exchange.ExchangeOrigin;
import org.citystep.exchange.ExchangeSlot;
import org.citystep.exchange.ExchangeStep;
import org.citystep.shared.validation.FreeText;
import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies clients send to the exchange routes; unknown fields are refused (400). */
final class ExchangeRequests {

    /** The longest message, reason or outcome text. */
    static final int MAX_TEXT = 4000;

    private ExchangeRequests() {
    }

    @Schema(name = "ExchangeRequestInput", example = "{\"askingCityId\": \"chengdu\", \"peerCityId\": \"amsterdam\", "
            + "\"step\": {\"characteristic\": \"FUNDING\", \"fromLevel\": \"AVERAGE\", \"toLevel\": \"MORE_ADVANCED\"}, "
            + "\"format\": \"CALL\", \"origin\": {\"kind\": \"MATCH\"}, \"proposedSlots\": [{\"start\": "
            + "\"2027-01-12T09:00:00Z\", \"end\": \"2027-01-12T10:00:00Z\"}], \"message\": \"How did you fund your "
            + "open data platform?\"}")
    record Create(@NotNull @Slug String askingCityId, @NotNull @Slug String peerCityId, @NotNull @Valid ExchangeStep step,
            @NotNull ExchangeFormat format, @NotNull @Valid ExchangeOrigin origin, @Nullable @Slug String caseStudyId,
            @Nullable @Size(max = Exchange.MAX_SLOTS) List<@NotNull @Valid ExchangeSlot> proposedSlots,
            @NotBlank @Size(max = MAX_TEXT) @FreeText String message) {
    }

    @Schema(name = "ExchangeVersion", example = "{\"version\": 0}")
    record Version(@NotNull @PositiveOrZero Long version) {
    }

    @Schema(name = "ExchangeAcceptance", example = "{\"version\": 0, \"slot\": {\"start\": \"2027-01-12T09:00:00Z\", "
            + "\"end\": \"2027-01-12T10:00:00Z\"}}")
    record Acceptance(@NotNull @PositiveOrZero Long version,
            @Schema(description = "One of the proposed dates, to agree to it at once") @Nullable @Valid ExchangeSlot slot) {
    }

    @Schema(name = "ExchangeDecline", example = "{\"version\": 0, \"reason\": \"We have no capacity before summer.\"}")
    record Decline(@NotNull @PositiveOrZero Long version, @NotBlank @Size(max = 1000) @FreeText String reason) {
    }

    @Schema(name = "ExchangeDates")
    record Dates(@NotNull @PositiveOrZero Long version,
            @NotNull @Size(min = 1, max = Exchange.MAX_SLOTS) List<@NotNull @Valid ExchangeSlot> slots) {
    }

    @Schema(name = "ExchangeAgreement")
    record Agreement(@NotNull @PositiveOrZero Long version, @NotNull @Valid ExchangeSlot slot) {
    }

    @Schema(name = "ExchangeExpertInvitation", example = "{\"version\": 1, \"expertId\": \"demo-expert\"}")
    record Invitation(@NotNull @PositiveOrZero Long version, @NotNull @Slug String expertId) {
    }

    @Schema(name = "ExchangeInviteAnswer", example = "{\"version\": 2, \"accept\": true}")
    record InviteAnswer(@NotNull @PositiveOrZero Long version, @NotNull Boolean accept) {
    }

    @Schema(name = "ExchangeMessageInput", example = "{\"text\": \"Our slides: https://example.org/funding.pdf\"}")
    record MessageInput(@NotBlank @Size(max = MAX_TEXT) @FreeText String text) {
    }

    @Schema(name = "ExchangeOutcomeInput", example = "{\"version\": 3, \"learnt\": \"How a revolving fund pays for "
            + "street lighting.\", \"willAdopt\": \"A revolving fund for our district heating.\", \"usefulness\": 5}")
    record OutcomeInput(@NotNull @PositiveOrZero Long version, @NotBlank @Size(max = MAX_TEXT) @FreeText String learnt,
            @NotBlank @Size(max = MAX_TEXT) @FreeText String willAdopt, @NotNull @Min(1) @Max(5) Integer usefulness) {
    }

    @Schema(name = "ExchangeCaseStudyDraft")
    record DraftCreated(String caseStudyId) {
    }
}
