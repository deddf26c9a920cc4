package org.citystep.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.paging.PageParams;
import org.citystep.support.Fixtures;
import org.citystep.support.Staircase;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/**
 * The admins' list of hidden cities and the deletion worker read one marker per hidden city, not
 * every city: the list still shows exactly the retired and deleting cities, latest change first,
 * including cities hidden before the markers existed, and never a city shown again.
 */
@WithoutElasticsearch
class HiddenCitiesTest {

    @Autowired
    WebTestClient client;
    @Autowired
    CityService cities;
    @Autowired
    ReactiveMongoTemplate template;
    @Autowired
    Clock clock;

    private static final CurrentUser ADMIN = new CurrentUser("admin-sub", "admin.demo", java.util.Set.of(Role.ADMIN),
            java.util.Optional.empty(), java.util.Optional.empty());

    private void city(String id) {
        Staircase.createCity(client, Staircase.city(id, "NL", "EU", 100_000, "MUNICIPALITY", List.of("WATER"),
                List.of("nl")));
    }

    private List<String> hiddenIds() {
        List<String> ids = new ArrayList<>();
        StepVerifier.create(cities.hidden(new PageParams(0, 100))).consumeNextWith(page -> {
            page.items().forEach(city -> ids.add(city.id()));
            assertThat(page.total()).isGreaterThanOrEqualTo(page.items().size());
        }).verifyComplete();
        return ids;
    }

    private boolean marked(String id) {
        boolean[] found = new boolean[1];
        StepVerifier.create(template.exists(Query.query(where("_id").is(id)), HiddenCities.COLLECTION))
                .consumeNextWith(exists -> found[0] = exists).verifyComplete();
        return found[0];
    }

    private List<String> deleting() {
        List<String> ids = new ArrayList<>();
        StepVerifier.create(cities.deletingIds().collectList()).consumeNextWith(ids::addAll).verifyComplete();
        return ids;
    }

    @Test
    void retiredAndDeletingCitiesAreListedLatestFirstAndLeaveWhenShownAgain() {
        city("hc-retired");
        city("hc-deleting");
        city("hc-shown");
        client.mutateWith(Users.admin()).post().uri("/api/v1/admin/cities/hc-retired/retire")
                .bodyValue(Map.of("version", Fixtures.version(client, "/api/v1/cities/hc-retired"))).exchange()
                .expectStatus().isOk();
        StepVerifier.create(cities.markDeleting("hc-deleting", ADMIN)).expectNextCount(1).verifyComplete();

        assertThat(hiddenIds()).containsSubsequence("hc-deleting", "hc-retired").doesNotContain("hc-shown");
        client.mutateWith(Users.admin()).get().uri("/api/v1/admin/cities/hidden?size=100").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == 'hc-retired')].state").isEqualTo("RETIRED")
                .jsonPath("$.items[?(@.id == 'hc-deleting')].state").isEqualTo("DELETING");
        assertThat(deleting()).contains("hc-deleting").doesNotContain("hc-retired", "hc-shown");

        client.mutateWith(Users.admin()).post().uri("/api/v1/admin/cities/hc-retired/restore")
                .bodyValue(Map.of("version", Fixtures.version(client, "/api/v1/cities/hc-retired"))).exchange()
                .expectStatus().isOk();
        assertThat(hiddenIds()).doesNotContain("hc-retired");
        assertThat(marked("hc-retired")).isFalse();

        StepVerifier.create(cities.finishDeletion("hc-deleting")).verifyComplete();
        assertThat(hiddenIds()).doesNotContain("hc-deleting");
        assertThat(deleting()).doesNotContain("hc-deleting");
        assertThat(marked("hc-deleting")).isFalse();
    }

    @Test
    void aCityHiddenBeforeMarkersExistedIsListedAndAMarkerLeftBehindIsDropped() {
        city("hc-old-retired");
        city("hc-left-behind");
        // written by a version without markers: only the city says it is retired
        StepVerifier.create(template.updateFirst(Query.query(where("_id").is("hc-old-retired")),
                new Update().set("state", CityState.RETIRED), City.class)).expectNextCount(1).verifyComplete();
        // a restore that stopped between the city and its marker: the marker stays, the city is shown
        StepVerifier.create(template.insert(new Document(Map.of("_id", "hc-left-behind", "state", "RETIRED",
                "updatedAt", clock.instant(), "rev", 1L)), HiddenCities.COLLECTION)).expectNextCount(1).verifyComplete();

        // a process starting on this database (its first read fills in the missing markers)
        HiddenCities fresh = new HiddenCities(template, clock);
        List<String> ids = new ArrayList<>();
        StepVerifier.create(fresh.page(new PageParams(0, 100), found -> cities.getAll(found)))
                .consumeNextWith(page -> page.items().forEach(city -> ids.add(city.id()))).verifyComplete();
        assertThat(ids).contains("hc-old-retired").doesNotContain("hc-left-behind");
        assertThat(marked("hc-old-retired")).isTrue();
        assertThat(marked("hc-left-behind")).isFalse();
    }
}
