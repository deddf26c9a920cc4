package org.citystep.matching;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.citystep.casestudy.StepEvidence;
import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.exchange.PeerResponsiveness;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.citystep.search.SearchService.GroupMatch;
import org.jspecify.annotations.Nullable;

/**
 * Scores and orders candidate peers for one step of one city; pure, so every factor can be tested
 * on its own. The weights are documented on {@link MatchFactors}.
 */
final class PeerRanking {

    /** Populations 100 times apart are not alike at all; 10 times apart, half. */
    private static final double POPULATION_SPAN = Math.log(100);
    /** Shares of the context factor: population likeness, place, kind of administrative unit. */
    static final double POPULATION = 0.5;
    static final double PLACE = 0.35;
    static final double ADMINISTRATIVE = 0.15;
    /** Place: the same country counts fully, only the same region this much. */
    static final double SAME_REGION_ONLY = 0.5;
    /**
     * Populations at most this many times apart are similar in size; further apart they still count
     * (less and less) in the score, but saying "similar" would not be true.
     */
    static final double SIMILAR_SIZE_RATIO = 2;
    /** Best practice counts double; three points of evidence is full marks. */
    private static final double EVIDENCE_FULL = 3.0;
    /** Balance when nothing else can be compared: neither a bonus nor a penalty. */
    private static final double BALANCE_UNKNOWN = 0.5;

    private PeerRanking() {
    }

    /**
     * What drove a peer's score, kept to explain it.
     *
     * @param farAhead characteristics on which the peer is two or more levels ahead of the city
     * @param evenlyAhead whether the peer is at most one level ahead on every comparable characteristic
     */
    record Facts(double populationLikeness, boolean sameCountry, boolean sameRegion, boolean sameAdministrativeLevel,
            List<ServiceDomain> sharedInterests, @Nullable GroupMatch project, double projectLikeness,
            List<Characteristic> farAhead, boolean evenlyAhead, List<StepEvidence> evidence,
            @Nullable PeerResponsiveness answering) {
    }

    record ScoredPeer(Peer peer, MatchFactors factors, Facts facts) {

        double score() {
            return factors.score();
        }
    }

    /** The candidates scored, best first; equal scores in id order, so the same data gives the same order. */
    static List<ScoredPeer> rank(Peer city, Characteristic characteristic, List<Peer> candidates,
            Map<String, GroupMatch> projects, Map<String, List<StepEvidence>> evidence) {
        return rank(city, characteristic, candidates, projects, evidence, Map.of());
    }

    /** As above, with how each candidate answered earlier exchange requests (absent: neutral). */
    static List<ScoredPeer> rank(Peer city, Characteristic characteristic, List<Peer> candidates,
            Map<String, GroupMatch> projects, Map<String, List<StepEvidence>> evidence,
            Map<String, PeerResponsiveness> answering) {
        double bestProject = projects.values().stream().mapToDouble(GroupMatch::score).max().orElse(0);
        return candidates.stream()
                .map(peer -> score(city, characteristic, peer, projects.get(peer.id()), bestProject,
                        evidence.getOrDefault(peer.id(), List.of()), answering.get(peer.id())))
                .sorted(Comparator.comparingDouble(ScoredPeer::score).reversed()
                        .thenComparing(scored -> scored.peer().id()))
                .toList();
    }

    static ScoredPeer score(Peer city, Characteristic characteristic, Peer peer, @Nullable GroupMatch project,
            double bestProject, List<StepEvidence> evidence) {
        return score(city, characteristic, peer, project, bestProject, evidence, null);
    }

    static ScoredPeer score(Peer city, Characteristic characteristic, Peer peer, @Nullable GroupMatch project,
            double bestProject, List<StepEvidence> evidence, @Nullable PeerResponsiveness answering) {
        CityProfile own = city.profile();
        CityProfile other = peer.profile();
        double population = populationLikeness(own.population(), other.population());
        boolean sameCountry = own.country().equals(other.country());
        boolean sameRegion = own.region() == other.region() && own.region() != Region.OTHER;
        boolean sameKind = own.administrativeLevel() != null && own.administrativeLevel() == other.administrativeLevel();
        double place = sameCountry ? 1 : sameRegion ? SAME_REGION_ONLY : 0;
        double context = POPULATION * population + PLACE * place + ADMINISTRATIVE * (sameKind ? 1 : 0);

        Set<ServiceDomain> shared = new TreeSet<>(own.interests());
        shared.retainAll(other.interests());
        Set<ServiceDomain> either = new TreeSet<>(own.interests());
        either.addAll(other.interests());
        double interests = either.isEmpty() ? 0 : (double) shared.size() / either.size();

        double projects = project == null || bestProject <= 0 ? 0 : project.score() / bestProject;

        List<Characteristic> farAhead = new java.util.ArrayList<>();
        double excess = 0;
        int comparable = 0;
        for (Characteristic each : Characteristic.ratedOnes()) {
            MaturityLevel mine = city.level(each);
            MaturityLevel theirs = peer.level(each);
            if (each == characteristic || !mine.isAssessed() || !theirs.isAssessed()) {
                continue;
            }
            comparable++;
            int ahead = theirs.rank() - mine.rank();
            if (ahead >= 2) {
                farAhead.add(each);
            }
            excess += Math.min(Math.max(ahead - 1, 0), 3) / 3.0;
        }
        double balance = comparable == 0 ? BALANCE_UNKNOWN : 1 - excess / comparable;

        double points = evidence.stream().mapToDouble(study -> study.bestPractice() ? 2 : 1).sum();
        double evidenceFactor = Math.min(points, EVIDENCE_FULL) / EVIDENCE_FULL;

        PeerResponsiveness history = hasHistory(answering) ? answering : null;
        return new ScoredPeer(peer, new MatchFactors(context, interests, projects, balance, evidenceFactor,
                        responsiveness(history)),
                new Facts(population, sameCountry, sameRegion, sameKind, List.copyOf(shared), project, projects,
                        List.copyOf(farAhead), comparable > 0 && excess == 0, List.copyOf(evidence), history));
    }

    /** Hours after which an answer counts as slow as none (two weeks). */
    static final double SLOWEST_HOURS = 14 * 24;
    /** Shares of the responsiveness factor: answering at all, and how fast. */
    static final double ANSWERED_SHARE = 0.7;
    static final double SPEED = 0.3;

    static boolean hasHistory(@Nullable PeerResponsiveness answering) {
        return answering != null && answering.asked() >= MatchFactors.RESPONSIVENESS_HISTORY;
    }

    /**
     * 0.7 × the share of requests answered + 0.3 × speed (1 at once, falling linearly to 0 at two
     * weeks, by the median); neutral without history.
     */
    static double responsiveness(@Nullable PeerResponsiveness answering) {
        if (!hasHistory(answering)) {
            return MatchFactors.NEUTRAL;
        }
        double share = Math.min(1, (double) answering.answered() / answering.asked());
        Double median = answering.medianHours();
        double speed = median == null ? 0 : Math.max(0, 1 - median / SLOWEST_HOURS);
        return ANSWERED_SHARE * share + SPEED * speed;
    }

    /** Whether a population likeness means populations at most {@link #SIMILAR_SIZE_RATIO} times apart. */
    static boolean similarInSize(double populationLikeness) {
        // a hair of tolerance, so populations exactly twice apart count as similar despite rounding
        return populationLikeness > 0 && populationLikeness >= 1 - Math.log(SIMILAR_SIZE_RATIO) / POPULATION_SPAN - 1e-9;
    }

    /** 1 for equal populations, falling with the ratio on a log scale, 0 at a ratio of 100 or unknown. */
    static double populationLikeness(@Nullable Long a, @Nullable Long b) {
        if (a == null || b == null || a <= 0 || b <= 0) {
            return 0;
        }
        return Math.max(0, 1 - Math.abs(Math.log((double) a / b)) / POPULATION_SPAN);
    }
}
