package org.citystep.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** A time the cities could meet, as UTC instants. */
@Schema(name = "ExchangeSlot", example = "{\"start\": \"2027-01-12T09:00:00Z\", \"end\": \"2027-01-12T10:30:00Z\"}")
public record ExchangeSlot(@NotNull Instant start, @NotNull Instant end) {

    /** The longest meeting (a study visit of two weeks). */
    public static final Duration LONGEST = Duration.ofDays(14);

    /** Kept to the millisecond, as MongoDB stores it, so a slot sent back equals the one stored. */
    public ExchangeSlot {
        start = start == null ? null : start.truncatedTo(ChronoUnit.MILLIS);
        end = end == null ? null : end.truncatedTo(ChronoUnit.MILLIS);
    }

    public boolean wellFormed() {
        return end.isAfter(start) && Duration.between(start, end).compareTo(LONGEST) <= 0;
    }
}
