package org.citystep.exchange;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the asking city learnt, what it will adopt and how useful the exchange was (1–5). */
@Schema(name = "ExchangeOutcome")
public record ExchangeOutcome(String learnt, String willAdopt, int usefulness, Instant recordedAt) {
}
