package org.citystep.exchange;

import java.time.Instant;

import org.citystep.audit.AuditEvent;
import org.jspecify.annotations.Nullable;

/**
 * What one write of an exchange still has to do elsewhere once it is saved: give back an open
 * place, remember a decline, credit a completion, count it in the statistics and tell the other side
 * (its audit entry). It is saved inside the exchange document, in the same write as the change it
 * belongs to, so a change is never saved without it; {@link ExchangeEffects} carries it out and then
 * removes it. Each part is idempotent (keyed by {@link #token} or the exchange id), so carrying it out
 * again after a crash changes nothing twice.
 *
 * @param token          the effect's key
 * @param before         the state before the write; {@code null} when the write created the exchange
 * @param answeredBefore when the peer had first answered before the write
 * @param after          the state the write left
 * @param answeredAt     when the peer had first answered after the write
 * @param usefulness     the outcome's usefulness, once one is recorded
 * @param at             when the write happened
 * @param auditId        the id its audit entry gets (the same on every try); none for demo data
 * @param actorId        who wrote it (the subject of the token)
 * @param actorName      who wrote it (the user name)
 * @param audit          the audit entry, which notifies the other side; none for demo data, which
 *                       notifies nobody
 */
record ExchangeEffect(String token, @Nullable ExchangeState before, @Nullable Instant answeredBefore,
        ExchangeState after, @Nullable Instant answeredAt, @Nullable Integer usefulness, Instant at, @Nullable String auditId,
        String actorId, String actorName, @Nullable AuditEvent audit) {

    boolean created() {
        return before == null;
    }

    boolean closedARequest() {
        return before != null && before.open() && !after.open();
    }

    boolean declined() {
        return after == ExchangeState.DECLINED && before != ExchangeState.DECLINED;
    }

    boolean completed() {
        return after == ExchangeState.COMPLETED && before != ExchangeState.COMPLETED;
    }

    /** The peer answered for the first time with this write. */
    boolean firstAnswer() {
        return answeredBefore == null && answeredAt != null;
    }
}
