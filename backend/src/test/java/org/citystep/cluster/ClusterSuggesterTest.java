package org.citystep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.reference.ServiceDomain;
import org.junit.jupiter.api.Test;

/** Suggestions group cities whose interests overlap and keep apart those whose interests do not. */
class ClusterSuggesterTest {

    private final ClusterSuggester suggester = new ClusterSuggester(0.34, 6, 3,
            domain -> Map.of("en", domain.name().toLowerCase(), "zh", "领域" + domain.ordinal()),
            code -> Map.of("en", code.toLowerCase(), "zh", "技术"), new org.citystep.shared.i18n.Messages(new org.citystep.shared.i18n.IcuMessageSource()));

    private static InterestProfile city(String id, Set<String> technologies, ServiceDomain... domains) {
        return new InterestProfile(id, Map.of("en", id), Set.of(domains), technologies);
    }

    private static List<InterestProfile> twoCommunitiesAndLoners() {
        List<InterestProfile> cities = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cities.add(city("mobility-" + i, Set.of("IOT"), ServiceDomain.TRANSPORTATION, ServiceDomain.LOGISTICS,
                    i % 2 == 0 ? ServiceDomain.OPEN_DATA : ServiceDomain.ENERGY_UTILITIES));
            cities.add(city("care-" + i, Set.of(), ServiceDomain.HEALTH, ServiceDomain.EDUCATION,
                    i % 2 == 0 ? ServiceDomain.COMMUNITY_DEVELOPMENT : ServiceDomain.PUBLIC_SERVICES));
        }
        cities.add(city("loner-water", Set.of(), ServiceDomain.WATER));
        cities.add(city("loner-none", Set.of()));
        return cities;
    }

    @Test
    void citiesWithOverlappingInterestsAreGroupedAndOthersKeptApart() {
        ClusterSuggester.Result result = suggester.suggest(twoCommunitiesAndLoners());

        assertThat(result.suggestions()).hasSize(2);
        for (ClusterSuggestion suggestion : result.suggestions()) {
            List<String> members = suggestion.members().stream().map(ClusterSuggestion.Member::cityId).toList();
            assertThat(members).hasSize(5);
            String family = members.get(0).substring(0, members.get(0).indexOf('-'));
            assertThat(members).allMatch(id -> id.startsWith(family + "-"));
            assertThat(suggestion.cohesion()).isBetween(0.4, 1.0);
        }
        assertThat(result.modularity()).isGreaterThan(0.3);
    }

    @Test
    void eachSuggestionSaysWhatItsMembersShare() {
        ClusterSuggestion mobility = suggester.suggest(twoCommunitiesAndLoners()).suggestions().stream()
                .filter(s -> s.members().get(0).cityId().startsWith("mobility")).findFirst().orElseThrow();
        assertThat(mobility.sharedTopics()).extracting(ClusterSuggestion.SharedTopic::code)
                .startsWith("LOGISTICS", "TRANSPORTATION").contains("OPEN_DATA", "IOT")
                .doesNotContain("HEALTH", "ENERGY_UTILITIES");
        assertThat(mobility.sharedTopics().get(0).cities()).isEqualTo(5);
        assertThat(mobility.reasons()).extracting(r -> r.en())
                .contains("All 5 cities work on transportation.", "3 of the 5 cities work on open_data.",
                        "5 of the 5 cities have published case studies using iot.");
        assertThat(mobility.reasons()).allSatisfy(reason -> assertThat(reason.zh()).isNotBlank());
    }

    @Test
    void theSameCitiesGiveTheSameSuggestionsWhateverTheOrder() {
        List<InterestProfile> shuffled = new ArrayList<>(twoCommunitiesAndLoners());
        Collections.shuffle(shuffled, new java.util.Random(7));
        assertThat(suggester.suggest(shuffled).suggestions()).isEqualTo(suggester.suggest(twoCommunitiesAndLoners())
                .suggestions());
    }

    @Test
    void unrelatedCitiesGiveNoSuggestion() {
        List<InterestProfile> unrelated = List.of(city("a", Set.of(), ServiceDomain.WATER),
                city("b", Set.of(), ServiceDomain.HEALTH), city("c", Set.of(), ServiceDomain.EDUCATION),
                city("d", Set.of()));
        assertThat(suggester.suggest(unrelated).suggestions()).isEmpty();
        assertThat(suggester.suggest(List.of()).suggestions()).isEmpty();
    }

    /** A ring of six cities: equal in links, so only the weights say which pairs belong together. */
    private static int[][] ringCommunities(double... weights) {
        ClusterSuggester.Links ring = new ClusterSuggester.Links(new int[] {0, 1, 2, 3, 4, 5}, new int[] {1, 2, 3, 4, 5, 0},
                weights);
        return java.util.Arrays.stream(ClusterSuggester.communities(6, ring)).map(c -> java.util.Arrays.stream(c)
                .sorted().toArray()).sorted(Comparator.comparingInt(c -> c[0])).toArray(int[][]::new);
    }

    @Test
    void strongerSimilarityDecidesWhichCitiesAreGrouped() {
        assertThat(ringCommunities(1, 0.1, 1, 0.1, 1, 0.1)).isDeepEqualTo(new int[][] {{0, 1}, {2, 3}, {4, 5}});
        assertThat(ringCommunities(0.1, 1, 0.1, 1, 0.1, 1)).isDeepEqualTo(new int[][] {{0, 5}, {1, 2}, {3, 4}});
    }

    @Test
    void linksWeighAsMuchAsTheCitiesAreAlike() {
        List<InterestProfile> cities = twoCommunitiesAndLoners().stream()
                .sorted(Comparator.comparing(InterestProfile::cityId)).toList();
        ClusterSuggester.Links links = suggester.links(cities);
        assertThat(links.count()).isPositive();
        for (int l = 0; l < links.count(); l++) {
            assertThat(links.weight()[l]).isEqualTo(cities.get(links.from()[l]).similarity(cities.get(links.to()[l])))
                    .isGreaterThanOrEqualTo(0.34);
        }
        // the weighted modularity: two equal halves of weight 1 each, no link between them
        ClusterSuggester.Links halves = new ClusterSuggester.Links(new int[] {0, 2}, new int[] {1, 3}, new double[] {1, 3});
        assertThat(ClusterSuggester.modularity(halves, new int[][] {{0, 1}, {2, 3}}, 4))
                .isCloseTo(1 - (0.25 * 0.25 + 0.75 * 0.75), org.assertj.core.data.Offset.offset(1e-12));
    }
}
