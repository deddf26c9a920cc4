package org.citystep.exchange;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** An expert invited to an exchange and what the expert answered. */
@Schema(name = "ExchangeExpertInvite")
public record ExpertInvite(String expertId, String name, State state, Instant invitedAt, @Nullable Instant answeredAt) {

    public enum State {
        INVITED, ACCEPTED, DECLINED
    }

    /** Invited and not declined: reads and writes the conversation. */
    boolean participates() {
        return state != State.DECLINED;
    }

    ExpertInvite answered(boolean accept, Instant now) {
        return new ExpertInvite(expertId, name, accept ? State.ACCEPTED : State.DECLINED, invitedAt, now);
    }
}
