package org.citystep.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The staircase of maturity (white paper §4, Figure 3), plus {@link #NOT_ASSESSED} for a
 * characteristic left unanswered, which has no rank.
 */
public enum MaturityLevel {
    NOT_YET_ADDRESSED(0),
    BASIC(1),
    AVERAGE(2),
    MORE_ADVANCED(3),
    STATE_OF_THE_ART(4),
    NOT_ASSESSED(-1);

    private final int rank;

    MaturityLevel(int rank) {
        this.rank = rank;
    }

    /** 0 to 4 up the staircase; -1 for {@link #NOT_ASSESSED}. */
    public int rank() {
        return rank;
    }

    public boolean isAssessed() {
        return this != NOT_ASSESSED;
    }

    /** The level one step up, if there is one. */
    public Optional<MaturityLevel> next() {
        return isAssessed() && this != STATE_OF_THE_ART ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** The four levels that have criteria, bottom up. */
    public static List<MaturityLevel> withCriteria() {
        return Arrays.stream(values()).filter(level -> level.rank > 0).toList();
    }
}
