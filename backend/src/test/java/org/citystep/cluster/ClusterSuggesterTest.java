package org.citystep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.reference.ServiceDomain;
import org.junit.jupiter.api.Test;

/** Suggestions group cities whose interests overlap and keep apart those whose interests do not. */
class ClusterSuggesterTest {

    private final ClusterSuggester suggester = new ClusterSuggester(0.34, 6, 3,
            domain -> Map.of("en", domain.name().toLowerCase(), "zh", "领域" + domain.ordinal()),
            code -> Map.of("en", code.toLowerCase(), "zh", "技术"));

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
}
