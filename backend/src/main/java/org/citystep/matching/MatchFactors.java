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
 * and {@code responsiveness} moves the score by up to ±0.05 around it: 0.10 × (responsiveness − 0.5),
 * where responsiveness is how the peer answered earlier exchange requests (0.7 × the share it
 * answered + 0.3 × how fast: 1 within the hour, 0 after two weeks, by its median); 0.5, neutral,
 * while it was sent fewer than {@link #RESPONSIVENESS_HISTORY} requests. The score stays within 0–1.
 */
public record MatchFactors(double context, double interests, double projects, double balance, double evidence,
        double responsiveness) {

    static final double CONTEXT = 0.25;
    static final double INTERESTS = 0.20;
    static final double PROJECTS = 0.20;
    static final double BALANCE = 0.15;
    static final double EVIDENCE = 0.20;
    static final double RESPONSIVENESS = 0.10;
    /** Responsiveness of a peer with too little history: neither a bonus nor a penalty. */
    static final double NEUTRAL = 0.5;
    /** Requests a peer must have been sent before its answers count. */
    static final int RESPONSIVENESS_HISTORY = 2;

    /** Factors of a peer without a history of answering exchange requests. */
    public MatchFactors(double context, double interests, double projects, double balance, double evidence) {
        this(context, interests, projects, balance, evidence, NEUTRAL);
    }

    public MatchFactors {
        context = rounded(context);
        interests = rounded(interests);
        projects = rounded(projects);
        balance = rounded(balance);
        evidence = rounded(evidence);
        responsiveness = rounded(responsiveness);
    }

    /** The weighted sum, moved by responsiveness, from 0 to 1, to three decimals. */
    public double score() {
        double sum = CONTEXT * context + INTERESTS * interests + PROJECTS * projects + BALANCE * balance
                + EVIDENCE * evidence + RESPONSIVENESS * (responsiveness - NEUTRAL);
        return rounded(Math.max(0, Math.min(1, sum)));
    }

    static double rounded(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
