package org.citystep.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.casestudy.CaseStudyContent;
import org.citystep.casestudy.StepEvidence;
import org.citystep.city.AdministrativeLevel;
import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.citystep.search.SearchService.GroupMatch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Each ranking factor on its own: two peers that differ only in that factor, and the one that is
 * more like the city (or shows more) must rank first.
 */
class PeerRankingTest {

    private static final Characteristic STEP = Characteristic.FUNDING;

    private static Peer city(String id, String country, Region region, @Nullable Long population,
            @Nullable AdministrativeLevel kind, Set<ServiceDomain> interests, MaturityLevel everywhere,
            MaturityLevel inFunding) {
        Map<Characteristic, MaturityLevel> levels = new EnumMap<>(Characteristic.class);
        Characteristic.ratedOnes().forEach(c -> levels.put(c, everywhere));
        levels.put(STEP, inFunding);
        return new Peer(id, new CityProfile(Map.of("en", id), country, region, population, null, null, kind,
                List.of("en"), Map.of(), interests, List.of(), List.of()), levels);
    }

    private static final Peer HOME = city("home", "NL", Region.EU, 800_000L, AdministrativeLevel.MUNICIPALITY,
            Set.of(ServiceDomain.TRANSPORTATION, ServiceDomain.ENERGY_UTILITIES), MaturityLevel.BASIC, MaturityLevel.BASIC);

    /** A peer one step ahead in funding, otherwise exactly like home; tweak one thing per test. */
    private static Peer twin(String id) {
        return city(id, "NL", Region.EU, 800_000L, AdministrativeLevel.MUNICIPALITY,
                Set.of(ServiceDomain.TRANSPORTATION, ServiceDomain.ENERGY_UTILITIES), MaturityLevel.BASIC, MaturityLevel.AVERAGE);
    }

    private static List<String> order(List<Peer> peers) {
        return order(peers, Map.of(), Map.of());
    }

    private static List<String> order(List<Peer> peers, Map<String, GroupMatch> projects,
            Map<String, List<StepEvidence>> evidence) {
        return PeerRanking.rank(HOME, STEP, peers, projects, evidence).stream().map(s -> s.peer().id()).toList();
    }

    @Test
    void nearIdenticalPeerOutranksDissimilarOne() {
        Peer unlike = city("unlike", "CN", Region.CHINA, 14_000_000L, AdministrativeLevel.NEW_AREA,
                Set.of(ServiceDomain.HEALTH), MaturityLevel.MORE_ADVANCED, MaturityLevel.AVERAGE);
        var ranked = PeerRanking.rank(HOME, STEP, List.of(unlike, twin("twin")), Map.of(), Map.of());
        assertThat(ranked).extracting(s -> s.peer().id()).containsExactly("twin", "unlike");
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score() + 0.3);
    }

    @Test
    void closerPopulationRanksHigher() {
        Peer near = city("near", "NL", Region.EU, 1_000_000L, AdministrativeLevel.MUNICIPALITY,
                HOME.profile().interests(), MaturityLevel.BASIC, MaturityLevel.AVERAGE);
        Peer far = city("far", "NL", Region.EU, 60_000L, AdministrativeLevel.MUNICIPALITY,
                HOME.profile().interests(), MaturityLevel.BASIC, MaturityLevel.AVERAGE);
        assertThat(order(List.of(far, near))).containsExactly("near", "far");
        assertThat(PeerRanking.populationLikeness(100_000L, 1_000_000L)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PeerRanking.populationLikeness(10_000L, 1_000_000L)).isEqualTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PeerRanking.populationLikeness(1_000L, 1_000_000L)).isZero();
        assertThat(PeerRanking.populationLikeness(null, 1_000_000L)).isZero();
    }

    @Test
    void sameCountryBeforeSameRegionBeforeElsewhere() {
        Peer country = twin("a-country");
        Peer region = city("b-region", "DE", Region.EU, 800_000L, AdministrativeLevel.MUNICIPALITY,
                HOME.profile().interests(), MaturityLevel.BASIC, MaturityLevel.AVERAGE);
        Peer elsewhere = city("c-elsewhere", "CN", Region.CHINA, 800_000L, AdministrativeLevel.MUNICIPALITY,
                HOME.profile().interests(), MaturityLevel.BASIC, MaturityLevel.AVERAGE);
        assertThat(order(List.of(elsewhere, region, country))).containsExactly("a-country", "b-region", "c-elsewhere");
    }

    @Test
    void sameKindOfAdministrativeUnitRanksHigher() {
        Peer district = city("district", "NL", Region.EU, 800_000L, AdministrativeLevel.DISTRICT,
                HOME.profile().interests(), MaturityLevel.BASIC, MaturityLevel.AVERAGE);
        assertThat(order(List.of(district, twin("zz-municipality")))).containsExactly("zz-municipality", "district");
    }

    @Test
    void sharedInterestsRankHigher() {
        Peer none = city("a-none", "NL", Region.EU, 800_000L, AdministrativeLevel.MUNICIPALITY,
                Set.of(ServiceDomain.HEALTH), MaturityLevel.BASIC, MaturityLevel.AVERAGE);
        Peer one = city("b-one", "NL", Region.EU, 800_000L, AdministrativeLevel.MUNICIPALITY,
                Set.of(ServiceDomain.ENERGY_UTILITIES, ServiceDomain.HEALTH), MaturityLevel.BASIC, MaturityLevel.AVERAGE);
        assertThat(order(List.of(none, one, twin("c-both")))).containsExactly("c-both", "b-one", "a-none");
    }

    @Test
    void moreSimilarProjectsRankHigher() {
        Map<String, GroupMatch> projects = Map.of(
                "a-weak", new GroupMatch("weak-study", Map.of("en", "Weak"), 2.0),
                "b-strong", new GroupMatch("strong-study", Map.of("en", "Strong"), 8.0));
        var ranked = PeerRanking.rank(HOME, STEP, List.of(twin("a-weak"), twin("b-strong"), twin("c-none")),
                projects, Map.of());
        assertThat(ranked).extracting(s -> s.peer().id()).containsExactly("b-strong", "a-weak", "c-none");
        assertThat(ranked).extracting(s -> s.factors().projects()).containsExactly(1.0, 0.25, 0.0);
    }

    @Test
    void peerFarAheadElsewhereRanksLower() {
        Peer evenly = twin("z-evenly");
        Peer leaping = city("a-leaping", "NL", Region.EU, 800_000L, AdministrativeLevel.MUNICIPALITY,
                HOME.profile().interests(), MaturityLevel.STATE_OF_THE_ART, MaturityLevel.AVERAGE);
        var ranked = PeerRanking.rank(HOME, STEP, List.of(leaping, evenly), Map.of(), Map.of());
        assertThat(ranked).extracting(s -> s.peer().id()).containsExactly("z-evenly", "a-leaping");
        assertThat(ranked.get(0).facts().evenlyAhead()).isTrue();
        assertThat(ranked.get(1).facts().farAhead()).hasSize(Characteristic.ratedOnes().size() - 1)
                .doesNotContain(STEP);
        assertThat(ranked.get(1).factors().balance()).isLessThan(ranked.get(0).factors().balance());
    }

    @Test
    void evidenceOfTheStepRanksHigherAndBestPracticeCountsMore() {
        CaseStudyContent.Step step = new CaseStudyContent.Step(STEP, MaturityLevel.BASIC, MaturityLevel.AVERAGE);
        Map<String, List<StepEvidence>> evidence = Map.of(
                "a-plain", List.of(new StepEvidence("plain", "a-plain", Map.of("en", "Plain"), false, step)),
                "b-best", List.of(new StepEvidence("best", "b-best", Map.of("en", "Best"), true, step)));
        assertThat(order(List.of(twin("a-plain"), twin("b-best"), twin("c-none")), Map.of(), evidence))
                .containsExactly("b-best", "a-plain", "c-none");
    }

    @Test
    void equalScoresKeepIdOrderSoTheSameDataGivesTheSameOrder() {
        assertThat(order(List.of(twin("c"), twin("a"), twin("b")))).containsExactly("a", "b", "c");
    }

    @Test
    void scoreIsTheDocumentedWeightedSum() {
        MatchFactors all = new MatchFactors(1, 1, 1, 1, 1);
        MatchFactors none = new MatchFactors(0, 0, 0, 0, 0);
        assertThat(all.score()).isEqualTo(1.0);
        assertThat(none.score()).isZero();
        assertThat(new MatchFactors(0, 0, 0, 0, 1).score()).isEqualTo(MatchFactors.EVIDENCE);
    }

    @Test
    void aPeerThatAnswersExchangeRequestsOutranksItsSilentTwinAndNoHistoryIsNeutral() {
        Map<String, org.citystep.exchange.PeerResponsiveness> answering = Map.of(
                "a-silent", new org.citystep.exchange.PeerResponsiveness("a-silent", 4, 0, null),
                "b-answers", new org.citystep.exchange.PeerResponsiveness("b-answers", 4, 4, 12.0),
                "c-once", new org.citystep.exchange.PeerResponsiveness("c-once", 1, 0, null));
        var ranked = PeerRanking.rank(HOME, STEP, List.of(twin("a-silent"), twin("b-answers"), twin("c-once"),
                twin("d-new")), Map.of(), Map.of(), answering);
        assertThat(ranked).extracting(s -> s.peer().id()).containsExactly("b-answers", "c-once", "d-new", "a-silent");
        assertThat(ranked.get(1).factors().responsiveness()).isEqualTo(0.5);
        assertThat(ranked.get(1).score()).as("one request is no history: neutral")
                .isEqualTo(ranked.get(2).score());
        assertThat(ranked.get(0).factors().responsiveness()).isGreaterThan(0.9);
        assertThat(ranked.get(3).factors().responsiveness()).isZero();
        assertThat(ranked.get(0).score() - ranked.get(2).score()).isLessThanOrEqualTo(0.05 + 1e-9);
    }
}
