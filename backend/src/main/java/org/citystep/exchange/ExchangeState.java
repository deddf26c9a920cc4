package org.citystep.exchange;

/**
 * Where an exchange stands: {@code REQUESTED} waits for the peer; {@code ACCEPTED} the peer said yes
 * (the date may still be being agreed); {@code DECLINED} by the peer, with a reason;
 * {@code CANCELLED} by the asking city; {@code COMPLETED} the asking city recorded the outcome.
 */
public enum ExchangeState {
    REQUESTED, ACCEPTED, DECLINED, CANCELLED, COMPLETED;

    /** Counts against the asking city's cap of open requests. */
    public boolean open() {
        return this == REQUESTED || this == ACCEPTED;
    }
}
