package org.citystep.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.citystep.reference.MaturityLevel;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who may ask whom, who may read an exchange and what each caller may do with it now. Pure
 * functions of their arguments, tested on their own ({@code ExchangeRulesTest}).
 */
final class ExchangeRules {

    private ExchangeRules() {
    }

    /**
     * The relation that allows the asking city to ask the peer about {@code step} by levels alone:
     * the step starts at the asking city's validated level and the peer is exactly one level ahead
     * (the same level at State of the Art). Empty when levels do not allow it (a shared active
     * cluster still may).
     */
    static Optional<ExchangeRelation> byLevels(MaturityLevel asking, MaturityLevel peer, ExchangeStep step) {
        if (!asking.isAssessed() || !peer.isAssessed() || step.fromLevel() != asking) {
            return Optional.empty();
        }
        if (asking == MaturityLevel.STATE_OF_THE_ART) {
            return peer == MaturityLevel.STATE_OF_THE_ART ? Optional.of(ExchangeRelation.SAME_LEVEL) : Optional.empty();
        }
        return asking.next().filter(peer::equals).map(next -> ExchangeRelation.ONE_STEP_AHEAD);
    }

    /**
     * Whether the asking city climbed after a completed exchange: its validated level is at least the
     * step's target (a step at the top has nothing to climb), validated on or after the day the
     * outcome was recorded.
     */
    static boolean climbedAfter(MaturityLevel from, MaturityLevel to, Instant completedAt, @Nullable LocalDate assessedAt,
            MaturityLevel current) {
        return from != to && current.isAssessed() && current.rank() >= to.rank() && assessedAt != null
                && !assessedAt.isBefore(LocalDate.ofInstant(completedAt, ZoneOffset.UTC));
    }

    static boolean isCurator(CurrentUser user) {
        return user.has(Role.CURATOR) || user.has(Role.ADMIN);
    }

    /** The side the caller's city is on: a city editor of one of the two cities. */
    static Optional<ExchangeParty> party(Exchange exchange, CurrentUser user) {
        if (!user.has(Role.CITY_EDITOR)) {
            return Optional.empty();
        }
        return user.cityId().flatMap(exchange::partyOf);
    }

    /** The invitation of the caller's expert record, if the caller is an expert invited to it. */
    static Optional<ExpertInvite> invitation(Exchange exchange, CurrentUser user) {
        if (!user.has(Role.EXPERT)) {
            return Optional.empty();
        }
        return user.expertId().flatMap(exchange::invite);
    }

    /** The two cities' editors, invited experts who did not decline, curators and admins. */
    static boolean mayRead(Exchange exchange, CurrentUser user) {
        return isCurator(user) || party(exchange, user).isPresent()
                || invitation(exchange, user).filter(ExpertInvite::participates).isPresent();
    }

    static List<ExchangeAction> canAct(Exchange exchange, CurrentUser user, Instant now) {
        List<ExchangeAction> actions = new ArrayList<>();
        if (!mayRead(exchange, user)) {
            return actions;
        }
        Optional<ExchangeParty> party = party(exchange, user);
        ExchangeState state = exchange.state();
        boolean open = state.open();
        if (state == ExchangeState.REQUESTED && party.filter(ExchangeParty.PEER::equals).isPresent()) {
            actions.add(ExchangeAction.ACCEPT);
            actions.add(ExchangeAction.DECLINE);
        }
        if (open && party.isPresent()) {
            actions.add(ExchangeAction.PROPOSE_DATES);
            if (!exchange.proposedSlots().isEmpty() && exchange.proposedBy() != party.get()) {
                actions.add(ExchangeAction.AGREE_DATE);
            }
        }
        if (open && party.filter(ExchangeParty.ASKING::equals).isPresent()) {
            actions.add(ExchangeAction.CANCEL);
        }
        if (open && (party.isPresent() || isCurator(user)) && exchange.experts().size() < Exchange.MAX_EXPERTS) {
            actions.add(ExchangeAction.INVITE_EXPERT);
        }
        if (open && invitation(exchange, user).filter(invite -> invite.state() == ExpertInvite.State.INVITED).isPresent()) {
            actions.add(ExchangeAction.ANSWER_INVITE);
        }
        actions.add(ExchangeAction.POST_MESSAGE);
        boolean asking = party.filter(ExchangeParty.ASKING::equals).isPresent();
        ExchangeSlot agreed = exchange.agreedSlot();
        if (asking && state == ExchangeState.ACCEPTED && agreed != null && !now.isBefore(agreed.end())) {
            actions.add(ExchangeAction.RECORD_OUTCOME);
        }
        if (asking && state == ExchangeState.COMPLETED && exchange.caseStudyDraftId() == null) {
            actions.add(ExchangeAction.MAKE_DRAFT);
        }
        return actions;
    }
}
