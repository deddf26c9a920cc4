package org.citystep.reference;

import java.util.Arrays;
import java.util.List;

/** The nine characteristics of the assessment framework (white paper §3, Annex 1). */
public enum Characteristic {
    STRATEGY(true),
    STAKEHOLDERS(true),
    GOVERNANCE(true),
    FUNDING(true),
    VALUE_ASSESSMENT(true),
    BUSINESS_MODELS(true),
    ICT_INFRASTRUCTURE(true),
    SERVICES(true),
    /** Has Annex 1 questions but no Annex 2 maturity criteria, so it is never given a level. */
    LEGAL_REGULATORY(false);

    private final boolean rated;

    Characteristic(boolean rated) {
        this.rated = rated;
    }

    public boolean rated() {
        return rated;
    }

    /** The eight characteristics that have maturity levels. */
    public static List<Characteristic> ratedOnes() {
        return Arrays.stream(values()).filter(Characteristic::rated).toList();
    }
}
