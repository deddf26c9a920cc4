package org.citystep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.reference.ServiceDomain;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.support.Staircase;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Stored suggestions: a page comes from one complete set, also while a new set replaces it; pages
 * add up to the whole set; old sets are removed.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterSuggestionStoreTest {

    @Autowired
    WebTestClient client;
    @Autowired
    ClusterSuggestionService suggestions;
    @Autowired
    ReactiveMongoTemplate template;

    private static final CurrentUser ANYONE = CurrentUser.anonymous();

    /** Each alone city works on something no other city of these tests names alone. */
    private static final List<String> ALONE = List.of("ECONOMIC_STIMULUS", "INTELLIGENT_BUILDINGS", "OPEN_DATA",
            "ENERGY_UTILITIES");

    @BeforeAll
    void cities() {
        for (int i = 0; i < 4; i++) {
            Staircase.createCity(client, Staircase.city("st-care-" + i, "DE", "EU", 200_000, "MUNICIPALITY",
                    List.of("HEALTH", "EDUCATION", "COMMUNITY_DEVELOPMENT"),
                    List.of("de")));
            Staircase.createCity(client, Staircase.city("st-alone-" + i, "FR", "EU", 200_000, "MUNICIPALITY",
                    List.of(ALONE.get(i)), List.of("fr")));
        }
    }

    /** The alone cities' published case studies (as the search read model would tell) make them a group. */
    private static Map<String, ClusterSuggestionService.Topics> aloneCitiesPublishedOnMobility() {
        Map<String, ClusterSuggestionService.Topics> topics = new java.util.HashMap<>();
        for (int i = 0; i < 4; i++) {
            topics.put("st-alone-" + i, new ClusterSuggestionService.Topics(Set.of(ServiceDomain.TRANSPORTATION,
                    ServiceDomain.LOGISTICS, ServiceDomain.PREVENTION), Set.of("IOT")));
        }
        return topics;
    }

    private List<String> ids(SuggestionPage page) {
        return page.items().stream().map(item -> item.suggestion().id()).toList();
    }

    private SuggestionPage all() {
        List<SuggestionPage> pages = new ArrayList<>();
        StepVerifier.create(suggestions.page(new PageParams(0, 100), ANYONE)).consumeNextWith(pages::add).verifyComplete();
        return pages.get(0);
    }

    @Test
    void aReaderDuringReplacementSeesTheOldOrTheNewSetWhole() {
        StepVerifier.create(suggestions.refresh(Map.of())).expectNextCount(1).verifyComplete();
        List<String> before = ids(all());
        assertThat(before).isNotEmpty();

        Mono<List<List<String>>> reads = Flux.range(0, 60)
                .concatMap(i -> suggestions.page(new PageParams(0, 100), ANYONE).map(this::ids)
                        .delayElement(Duration.ofMillis(5)))
                .collectList();
        Mono<SuggestionSet> replacing = Mono.defer(() -> suggestions.refresh(aloneCitiesPublishedOnMobility()))
                .subscribeOn(Schedulers.parallel());
        List<List<List<String>>> seen = new ArrayList<>();
        StepVerifier.create(Mono.zip(reads, replacing).map(both -> both.getT1()))
                .consumeNextWith(seen::add).verifyComplete();

        List<String> after = ids(all());
        assertThat(after).isNotEqualTo(before);
        assertThat(seen.get(0)).hasSize(60).allSatisfy(read -> assertThat(read).isIn(before, after));
    }

    @Test
    void pagesAddUpToTheWholeSetAndOldSetsAreRemoved() {
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(suggestions.refresh(i % 2 == 1 ? Map.of() : aloneCitiesPublishedOnMobility()))
                    .expectNextCount(1).verifyComplete();
        }
        SuggestionPage whole = all();
        assertThat(whole.total()).isGreaterThanOrEqualTo(2).isEqualTo(whole.items().size());
        assertThat(whole.computedAt()).isNotNull();
        List<String> paged = new ArrayList<>();
        for (int page = 0; page <= whole.total(); page++) {
            StepVerifier.create(suggestions.page(new PageParams(page, 1), ANYONE))
                    .assertNext(one -> {
                        assertThat(one.total()).isEqualTo(whole.total());
                        paged.addAll(ids(one));
                    })
                    .verifyComplete();
        }
        assertThat(paged).isEqualTo(ids(whole));

        // the current set and the one it replaced are kept, older ones are gone
        StepVerifier.create(Mono.zip(template.findById(SuggestionSet.CURRENT, SuggestionSet.class),
                        template.count(new Query(), StoredSuggestion.class)))
                .assertNext(both -> assertThat(both.getT2()).isEqualTo(both.getT1().total() + both.getT1().previousTotal()))
                .verifyComplete();
    }
}
