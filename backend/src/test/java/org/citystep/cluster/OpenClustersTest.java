package org.citystep.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;

import org.citystep.support.Staircase;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/**
 * The suggestions page compares every suggestion with the open clusters from a copy held in memory,
 * not a scan of the clusters per page: a cluster write through this app is seen at once, and a
 * write of another instance once it counted its write.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenClustersTest {

    @Autowired
    WebTestClient client;
    @Autowired
    ClusterService clusters;
    @Autowired
    OpenClusters open;
    @Autowired
    ReactiveMongoTemplate template;

    @BeforeAll
    void cities() {
        for (String id : List.of("oc-a", "oc-b", "oc-c")) {
            Staircase.createCity(client, Staircase.city(id, "FR", "EU", 400_000, "MUNICIPALITY", List.of("OTHER"),
                    List.of("fr")));
        }
    }

    private List<String> naming(String cityId) {
        List<String> found = new java.util.ArrayList<>();
        StepVerifier.create(clusters.openNaming(List.of(cityId)).map(Cluster::id).collectList())
                .consumeNextWith(found::addAll).verifyComplete();
        return found;
    }

    private void propose(String id, List<String> invited) {
        client.mutateWith(Users.curator()).post().uri("/api/v1/clusters")
                .bodyValue(Map.of("id", id, "name", Map.of("en", "Shared bikes " + id),
                        "topic", Map.of("serviceDomains", List.of("TRANSPORTATION"), "characteristics", List.of("SERVICES")),
                        "invitedCityIds", invited))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void aClusterProposedHereIsSeenByTheNextPageAtOnce() {
        assertThat(naming("oc-a")).doesNotContain("oc-bikes");
        propose("oc-bikes", List.of("oc-a", "oc-b"));
        assertThat(naming("oc-a")).contains("oc-bikes");
        assertThat(naming("oc-b")).contains("oc-bikes");
        assertThat(naming("oc-c")).doesNotContain("oc-bikes");
    }

    @Test
    void anotherInstancesWriteIsSeenOnceItIsCountedAndNotReadAgainBefore() {
        propose("oc-closing", List.of("oc-c"));
        assertThat(naming("oc-c")).contains("oc-closing");
        // another instance closes it: this instance still answers from its copy
        StepVerifier.create(template.updateFirst(Query.query(where("_id").is("oc-closing")),
                new Update().set("status", ClusterStatus.CLOSED), Cluster.class)).expectNextCount(1).verifyComplete();
        assertThat(naming("oc-c")).contains("oc-closing");
        // ... until that instance counts its write
        StepVerifier.create(open.changed()).expectNextCount(1).verifyComplete();
        assertThat(naming("oc-c")).doesNotContain("oc-closing");
    }
}
