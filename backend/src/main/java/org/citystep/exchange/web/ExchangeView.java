package org.citystep.exchange.web;

import java.time.Instant;
import java.util.List;

import org.citystep.exchange.Exchange;
import org.citystep.exchange.ExchangeAction;
import org.citystep.exchange.ExchangeDetails;
import org.citystep.exchange.ExchangeFormat;
import org.citystep.exchange.ExchangeOrigin;
import org.citystep.exchange.ExchangeOutcome;
import org.citystep.exchange.ExchangeParty;
import org.citystep.exchange.ExchangeRelation;
import org.citystep.exchange.ExchangeSide;
import org.citystep.exchange.ExchangeSlot;
import org.citystep.exchange.ExchangeState;
import org.citystep.exchange.ExchangeStep;
import org.citystep.exchange.ExpertInvite;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** An exchange as its readers see it. */
@Schema(name = "Exchange")
record ExchangeView(String id, @Schema(description = "Send it back with every change") long version,
        ExchangeState state, ExchangeSide asking, ExchangeSide peer, ExchangeStep step, ExchangeFormat format,
        ExchangeOrigin origin, @Nullable String caseStudyId, List<ExchangeSlot> proposedSlots,
        @Nullable ExchangeParty proposedBy, @Nullable ExchangeSlot agreedSlot, @Nullable String declineReason,
        List<ExpertInvite> experts, @Nullable ExchangeOutcome outcome, @Nullable String caseStudyDraftId,
        long messageCount, ExchangeRelation relation,
        @Schema(description = "What the caller may do now") List<ExchangeAction> canAct,
        @Schema(description = "When the peer first answered (accepted, declined or proposed dates)") @Nullable Instant answeredAt,
        @Schema(description = "Completed, and the asking city has since climbed the step (a validated level at least "
                + "the step's target): credited on both cities' profiles") boolean credited,
        Instant createdAt, Instant updatedAt) {

    static ExchangeView of(ExchangeDetails details) {
        Exchange e = details.exchange();
        return new ExchangeView(e.id(), e.version(), e.state(), details.asking(), details.peer(), e.step(), e.format(),
                e.origin(), e.caseStudyId(), e.proposedSlots(), e.proposedBy(), e.agreedSlot(), e.declineReason(),
                e.experts(), e.outcome(), e.caseStudyDraftId(), details.messageCount(), e.relation(), details.canAct(),
                e.answeredAt(), details.credited(), e.createdAt(), e.updatedAt());
    }
}
