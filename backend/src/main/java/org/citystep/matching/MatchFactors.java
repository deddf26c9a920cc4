package org.citystep.matching;

/**
 * How alike a peer is and how much it can show, each factor from 0 to 1. The score weighs them:
 * <ul>
 * <li>{@code context} 0.25 — size (population on a log scale), place (country, region) and kind of
 * administrative unit;</li>
 * <li>{@code interests} 0.20 — overlap of the service domains both work on (Jaccard);</li>
 * <li>{@code projects} 0.20 — how like the city's own case studies the peer's most similar published
 * one is (Elasticsearch more-like-this, relative to the best peer);</li>
 * <li>{@code balance} 0.15 — lower when the peer is two or more levels ahead of the city on other
 * characteristics: the staircase is climbed one step at a time;</li>
 * <li>{@code evidence} 0.20 — published case studies showing the very step the city has to take,
 * best practice counting double, up to three.</li>
 * </ul>
 */
public record MatchFactors(double context, double interests, double projects, double balance, double evidence) {

    static final double CONTEXT = 0.25;
    static final double INTERESTS = 0.20;
    static final double PROJECTS = 0.20;
    static final double BALANCE = 0.15;
    static final double EVIDENCE = 0.20;

    public MatchFactors {
        context = rounded(context);
        interests = rounded(interests);
        projects = rounded(projects);
        balance = rounded(balance);
        evidence = rounded(evidence);
    }

    /** The weighted sum, from 0 to 1, to three decimals. */
    public double score() {
        return rounded(CONTEXT * context + INTERESTS * interests + PROJECTS * projects + BALANCE * balance
                + EVIDENCE * evidence);
    }

    static double rounded(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
