package org.citystep.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.city.AdministrativeLevel;
import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceDataFixture;
import org.citystep.reference.ServiceDomain;
import org.citystep.shared.explain.Reason;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The sentences a city reads under each peer: only what holds for that peer, in both languages. */
class MatchReasonsTest {

    private static final Characteristic STEP = Characteristic.FUNDING;
    private final MatchReasons reasons = new MatchReasons(ReferenceDataFixture.service(),
            new org.citystep.shared.i18n.Messages(new org.citystep.shared.i18n.IcuMessageSource()));

    private static Peer city(String id, @Nullable Long population, MaturityLevel elsewhere, MaturityLevel inFunding) {
        Map<Characteristic, MaturityLevel> levels = new EnumMap<>(Characteristic.class);
        Characteristic.ratedOnes().forEach(c -> levels.put(c, elsewhere));
        levels.put(STEP, inFunding);
        return new Peer(id, new CityProfile(Map.of("en", id), "CN", Region.CHINA, population, null, null,
                AdministrativeLevel.MUNICIPALITY, List.of("zh"), Map.of(), Set.of(ServiceDomain.TRANSPORTATION),
                List.of(), List.of()), levels);
    }

    private static final Peer HOME = city("home", 14_300_000L, MaturityLevel.BASIC, MaturityLevel.BASIC);

    private List<Reason> explain(Peer home, PeerRanking.ScoredPeer scored) {
        return reasons.explain(home.profile(), STEP, MaturityLevel.BASIC, MaturityLevel.AVERAGE, scored);
    }

    private List<Reason> explain(Peer peer) {
        return explain(HOME, PeerRanking.score(HOME, STEP, peer, null, 0, List.of()));
    }

    private static List<String> english(List<Reason> reasons) {
        return reasons.stream().map(Reason::en).toList();
    }

    private static List<String> chinese(List<Reason> reasons) {
        return reasons.stream().map(Reason::zh).toList();
    }

    @Test
    void aCityNineTimesSmallerIsNotCalledSimilarInSize() {
        List<Reason> said = explain(city("smaller", 1_600_000L, MaturityLevel.BASIC, MaturityLevel.AVERAGE));

        assertThat(english(said)).noneMatch(en -> en.contains("Similar in size"));
        assertThat(chinese(said)).noneMatch(zh -> zh.contains("规模相近"));
    }

    @Test
    void populationsWithinAFactorOfTwoAreSimilarInSize() {
        List<Reason> said = explain(city("alike", 9_000_000L, MaturityLevel.BASIC, MaturityLevel.AVERAGE));

        assertThat(english(said)).contains("Similar in size: 9 million inhabitants, against your 14.3 million.");
        assertThat(chinese(said)).contains("规模相近：人口900万，贵市为1430万。");
    }

    @Test
    void justOverTwiceAsLargeIsNoLongerSimilarButExactlyTwiceIs() {
        Peer home = city("home", 1_000_000L, MaturityLevel.BASIC, MaturityLevel.BASIC);
        Peer twice = city("twice", 2_000_000L, MaturityLevel.BASIC, MaturityLevel.AVERAGE);
        Peer more = city("more", 2_100_000L, MaturityLevel.BASIC, MaturityLevel.AVERAGE);

        assertThat(english(explain(home, PeerRanking.score(home, STEP, twice, null, 0, List.of()))))
                .anyMatch(en -> en.startsWith("Similar in size"));
        assertThat(english(explain(home, PeerRanking.score(home, STEP, more, null, 0, List.of()))))
                .noneMatch(en -> en.startsWith("Similar in size"));
    }

    @Test
    void theBestRankedPeerIsNeverSaidToBeRankedLowerEvenWhenFarAheadElsewhere() {
        // the only candidate, so the best one: two levels ahead of home in every other characteristic
        Peer leaper = city("leaper", 14_000_000L, MaturityLevel.MORE_ADVANCED, MaturityLevel.AVERAGE);
        List<PeerRanking.ScoredPeer> ranked = PeerRanking.rank(HOME, STEP, List.of(leaper), Map.of(), Map.of());
        assertThat(ranked.get(0).facts().farAhead()).isNotEmpty();

        List<Reason> said = explain(HOME, ranked.get(0));

        assertThat(english(said)).noneMatch(en -> en.toLowerCase(java.util.Locale.ROOT).contains("ranked lower"));
        assertThat(chinese(said)).noneMatch(zh -> zh.contains("排名靠后"));
        assertThat(english(said)).last().asString()
                .startsWith("Two or more levels ahead of you in ")
                .contains("ICT Infrastructure")
                .endsWith("which makes its experience there a bigger step to copy.");
        assertThat(chinese(said)).last().asString().startsWith("在").contains("领先贵市两级或以上");
    }

    @Test
    void howAPeerAnsweredExchangeRequestsIsSaidInBothLanguagesAndNothingWithoutHistory() {
        Peer peer = city("peer", 9_000_000L, MaturityLevel.BASIC, MaturityLevel.AVERAGE);
        List<Reason> responsive = explain(HOME, PeerRanking.score(HOME, STEP, peer, null, 0, List.of(),
                new org.citystep.exchange.PeerResponsiveness("peer", 4, 3, 20.0)));
        assertThat(english(responsive)).contains("Answers exchange requests: 3 of the 4 it was sent, typically within 20 hours.");
        assertThat(chinese(responsive)).contains("积极回应交流请求：收到的 4 个请求中已答复 3 个，通常在 20 小时内答复。");

        List<Reason> silent = explain(HOME, PeerRanking.score(HOME, STEP, peer, null, 0, List.of(),
                new org.citystep.exchange.PeerResponsiveness("peer", 5, 1, null)));
        assertThat(english(silent)).last().isEqualTo("Has answered 1 of the 5 exchange requests it was sent so far, or slowly.");

        List<Reason> unknown = explain(HOME, PeerRanking.score(HOME, STEP, peer, null, 0, List.of(),
                new org.citystep.exchange.PeerResponsiveness("peer", 1, 0, null)));
        assertThat(english(unknown)).noneMatch(en -> en.contains("exchange requests"));
    }
}
