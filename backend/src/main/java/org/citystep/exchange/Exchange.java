package org.citystep.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.citystep.shared.i18n.MessageRef;
import org.citystep.shared.problem.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One exchange request between two cities: one MongoDB document, versioned; its state changes are
 * methods here and refuse what the state does not allow (409). Its conversation lives in
 * {@link ExchangeThreads}, its place in the cities' lists in {@link ExchangeLists}.
 */
@Document("exchanges")
public class Exchange {

    /** Experts one exchange invites at most. */
    public static final int MAX_EXPERTS = 5;
    /** Dates proposed at once at most. */
    public static final int MAX_SLOTS = 5;

    @Id
    private final String id;
    @Version
    private @Nullable Long version;
    private ExchangeState state;
    private final String askingCityId;
    private final String peerCityId;
    private final ExchangeStep step;
    private final ExchangeFormat format;
    private final ExchangeOrigin origin;
    private final @Nullable String caseStudyId;
    private final ExchangeRelation relation;
    private List<ExchangeSlot> proposedSlots;
    private @Nullable ExchangeParty proposedBy;
    private @Nullable ExchangeSlot agreedSlot;
    private @Nullable String declineReason;
    private List<ExpertInvite> experts;
    private @Nullable ExchangeOutcome outcome;
    private @Nullable String caseStudyDraftId;
    /** When the peer first answered (accepted, declined or proposed dates): its responsiveness. */
    private @Nullable Instant answeredAt;
    private final Instant createdAt;
    private Instant updatedAt;
    /** Writes saved whose effects elsewhere may not be carried out yet (see {@link ExchangeEffect}). */
    private List<ExchangeEffect> pendingEffects;

    @PersistenceCreator
    Exchange(String id, @Nullable Long version, ExchangeState state, String askingCityId, String peerCityId,
            ExchangeStep step, ExchangeFormat format, ExchangeOrigin origin, @Nullable String caseStudyId,
            ExchangeRelation relation, @Nullable List<ExchangeSlot> proposedSlots, @Nullable ExchangeParty proposedBy,
            @Nullable ExchangeSlot agreedSlot, @Nullable String declineReason, @Nullable List<ExpertInvite> experts,
            @Nullable ExchangeOutcome outcome, @Nullable String caseStudyDraftId, @Nullable Instant answeredAt,
            Instant createdAt, Instant updatedAt, @Nullable List<ExchangeEffect> pendingEffects) {
        this.id = id;
        this.version = version;
        this.state = state;
        this.askingCityId = askingCityId;
        this.peerCityId = peerCityId;
        this.step = step;
        this.format = format;
        this.origin = origin;
        this.caseStudyId = caseStudyId;
        this.relation = relation;
        this.proposedSlots = proposedSlots == null ? new ArrayList<>() : new ArrayList<>(proposedSlots);
        this.proposedBy = proposedBy;
        this.agreedSlot = agreedSlot;
        this.declineReason = declineReason;
        this.experts = experts == null ? new ArrayList<>() : new ArrayList<>(experts);
        this.outcome = outcome;
        this.caseStudyDraftId = caseStudyDraftId;
        this.answeredAt = answeredAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.pendingEffects = pendingEffects == null ? new ArrayList<>() : new ArrayList<>(pendingEffects);
    }

    /** A new request of {@code askingCityId} to {@code peerCityId}, with the dates the asking city proposes (if any). */
    static Exchange request(String id, String askingCityId, String peerCityId, ExchangeStep step, ExchangeFormat format,
            ExchangeOrigin origin, @Nullable String caseStudyId, ExchangeRelation relation, List<ExchangeSlot> slots,
            Instant now) {
        List<ExchangeSlot> proposed = slots.stream().distinct().toList();
        return new Exchange(id, null, ExchangeState.REQUESTED, askingCityId, peerCityId, step, format, origin,
                caseStudyId, relation, proposed, proposed.isEmpty() ? null : ExchangeParty.ASKING, null, null, null,
                null, null, null, now, now, null);
    }

    /** The peer says yes, optionally to one of the dates the asking city proposed. */
    void accept(@Nullable ExchangeSlot slot, Instant now) {
        require("accepted", ExchangeState.REQUESTED);
        if (slot != null) {
            requireProposedByOther(ExchangeParty.PEER, slot);
            this.agreedSlot = slot;
        }
        this.state = ExchangeState.ACCEPTED;
        answered(now);
    }

    void decline(String reason, Instant now) {
        require("declined", ExchangeState.REQUESTED);
        this.state = ExchangeState.DECLINED;
        this.declineReason = reason;
        answered(now);
    }

    /** One side proposes other dates; a date agreed before is open again. */
    void proposeDates(ExchangeParty by, List<ExchangeSlot> slots, Instant now) {
        require("rescheduled", ExchangeState.REQUESTED, ExchangeState.ACCEPTED);
        this.proposedSlots = new ArrayList<>(slots.stream().distinct().toList());
        this.proposedBy = by;
        this.agreedSlot = null;
        if (by == ExchangeParty.PEER) {
            answered(now);
        }
        else {
            this.updatedAt = now;
        }
    }

    /**
     * The side that did not propose the dates agrees to one of them; a request the peer had not
     * accepted yet is accepted by it (the peer proposed or agreed to a date).
     */
    void agree(ExchangeParty by, ExchangeSlot slot, Instant now) {
        require("scheduled", ExchangeState.REQUESTED, ExchangeState.ACCEPTED);
        requireProposedByOther(by, slot);
        this.agreedSlot = slot;
        this.state = ExchangeState.ACCEPTED;
        if (by == ExchangeParty.PEER) {
            answered(now);
        }
        else {
            this.updatedAt = now;
        }
    }

    void cancel(Instant now) {
        require("cancelled", ExchangeState.REQUESTED, ExchangeState.ACCEPTED);
        this.state = ExchangeState.CANCELLED;
        this.updatedAt = now;
    }

    void invite(String expertId, String name, Instant now) {
        require("joined", ExchangeState.REQUESTED, ExchangeState.ACCEPTED);
        if (invite(expertId).isPresent()) {
            throw ApiException.conflict("exchange.expertAlready", expertId);
        }
        if (experts.size() >= MAX_EXPERTS) {
            throw ApiException.conflict("exchange.tooManyExperts", MAX_EXPERTS);
        }
        experts.add(new ExpertInvite(expertId, name, ExpertInvite.State.INVITED, now, null));
        this.updatedAt = now;
    }

    void answerInvite(String expertId, boolean accept, Instant now) {
        ExpertInvite invite = invite(expertId)
                .orElseThrow(() -> new ApiException(org.citystep.shared.problem.ProblemType.NOT_FOUND,
                        "exchange.notInvited", expertId, id));
        if (invite.state() != ExpertInvite.State.INVITED) {
            throw ApiException.conflict("exchange.inviteAnswered", expertId);
        }
        require("joined", ExchangeState.REQUESTED, ExchangeState.ACCEPTED);
        experts.set(experts.indexOf(invite), invite.answered(accept, now));
        this.updatedAt = now;
    }

    /** The asking city records the outcome once the agreed date is over: the exchange is completed. */
    void recordOutcome(String learnt, String willAdopt, int usefulness, Instant now) {
        require("completed", ExchangeState.ACCEPTED);
        if (agreedSlot == null) {
            throw ApiException.conflict("exchange.noAgreedDate", id);
        }
        if (now.isBefore(agreedSlot.end())) {
            throw ApiException.conflict("exchange.notOver", agreedSlot.end().toString());
        }
        this.outcome = new ExchangeOutcome(learnt, willAdopt, usefulness, now);
        this.state = ExchangeState.COMPLETED;
        this.updatedAt = now;
    }

    void draftCreated(String draftId, Instant now) {
        this.caseStudyDraftId = draftId;
        this.updatedAt = now;
    }

    /** Whether a draft may be made now: completed, and none made yet. */
    void requireDraftable() {
        if (state != ExchangeState.COMPLETED || outcome == null) {
            throw ApiException.conflict("exchange.noOutcome", id);
        }
        if (caseStudyDraftId != null) {
            throw ApiException.conflict("exchange.draftExists", id, caseStudyDraftId);
        }
    }

    private void answered(Instant now) {
        if (answeredAt == null) {
            this.answeredAt = now;
        }
        this.updatedAt = now;
    }

    private void requireProposedByOther(ExchangeParty by, ExchangeSlot slot) {
        if (!proposedSlots.contains(slot)) {
            throw ApiException.conflict("exchange.slotNotProposed");
        }
        if (proposedBy == by) {
            throw ApiException.conflict("exchange.ownProposal");
        }
    }

    private void require(String action, ExchangeState... allowed) {
        for (ExchangeState ok : allowed) {
            if (state == ok) {
                return;
            }
        }
        throw ApiException.conflict("exchange.wrongState", id, new MessageRef("exchange.state." + state.name()),
                new MessageRef("exchange.verb." + action));
    }

    /** Records, for the save that follows, what the write must still do elsewhere. */
    void effect(ExchangeEffect effect) {
        pendingEffects.add(effect);
    }

    List<ExchangeEffect> pendingEffects() {
        return List.copyOf(pendingEffects);
    }

    Optional<ExpertInvite> invite(String expertId) {
        return experts.stream().filter(invite -> invite.expertId().equals(expertId)).findFirst();
    }

    /** The side {@code cityId} is on, if it is one of the two cities. */
    Optional<ExchangeParty> partyOf(String cityId) {
        if (cityId.equals(askingCityId)) {
            return Optional.of(ExchangeParty.ASKING);
        }
        return cityId.equals(peerCityId) ? Optional.of(ExchangeParty.PEER) : Optional.empty();
    }

    public String id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public ExchangeState state() {
        return state;
    }

    public String askingCityId() {
        return askingCityId;
    }

    public String peerCityId() {
        return peerCityId;
    }

    public ExchangeStep step() {
        return step;
    }

    public ExchangeFormat format() {
        return format;
    }

    public ExchangeOrigin origin() {
        return origin;
    }

    public @Nullable String caseStudyId() {
        return caseStudyId;
    }

    public ExchangeRelation relation() {
        return relation;
    }

    public List<ExchangeSlot> proposedSlots() {
        return List.copyOf(proposedSlots);
    }

    public @Nullable ExchangeParty proposedBy() {
        return proposedBy;
    }

    public @Nullable ExchangeSlot agreedSlot() {
        return agreedSlot;
    }

    public @Nullable String declineReason() {
        return declineReason;
    }

    public List<ExpertInvite> experts() {
        return List.copyOf(experts);
    }

    public @Nullable ExchangeOutcome outcome() {
        return outcome;
    }

    public @Nullable String caseStudyDraftId() {
        return caseStudyDraftId;
    }

    public @Nullable Instant answeredAt() {
        return answeredAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
