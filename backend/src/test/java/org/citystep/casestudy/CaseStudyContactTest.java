package org.citystep.casestudy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citystep.support.Fixtures;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A case study's contact is personal data, shown to signed-in readers only (as the editor promises);
 * anonymous readers learn that there is one, so the page can ask them to sign in.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStudyContactTest {

    @Autowired
    WebTestClient client;

    @BeforeAll
    void publishedCaseStudies() {
        Fixtures.createCity(client, "contact-city", "ES", "EU");
        publish("contact-named", Map.of("name", "Ana Ruiz", "email", "ana.ruiz@contact-city.example"));
        publish("contact-none", null);
    }

    private void publish(String id, Map<String, String> contact) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("cityId", "contact-city");
        body.put("title", Map.of("en", "Open bike lanes map"));
        body.put("summary", Map.of("en", "Every bike lane as open data."));
        body.put("serviceDomains", List.of("TRANSPORTATION"));
        body.put("steps", List.of(Map.of("characteristic", "SERVICES", "fromLevel", "AVERAGE", "toLevel", "MORE_ADVANCED")));
        body.put("stage", "PILOT");
        body.put("flags", Map.of("scalable", false, "cloud", false, "integratedOffering", false, "openApi", false, "iot", false));
        if (contact != null) {
            body.put("contact", contact);
        }
        var curator = Users.curator();
        client.mutateWith(curator).post().uri("/api/v1/case-studies").bodyValue(body).exchange().expectStatus().isCreated();
        String path = "/api/v1/case-studies/" + id;
        client.mutateWith(curator).post().uri(path + "/submit").bodyValue(Map.of("version", Fixtures.version(client, path)))
                .exchange().expectStatus().isOk();
        client.mutateWith(curator).post().uri(path + "/review")
                .bodyValue(Map.of("version", Fixtures.version(client, path), "decision", "PUBLISH")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void anAnonymousReaderLearnsThereIsAContactButNotWhoItIs() {
        client.get().uri("/api/v1/case-studies/contact-named").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title.en").isEqualTo("Open bike lanes map")
                .jsonPath("$.contactAvailable").isEqualTo(true)
                .jsonPath("$.contact").doesNotExist()
                .jsonPath("$..email").doesNotExist();

        client.get().uri("/api/v1/case-studies?cityId=contact-city").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[*].contact").doesNotExist()
                .jsonPath("$.items[?(@.id == 'contact-named')].contactAvailable").isEqualTo(true);
    }

    @Test
    void aSignedInReaderSeesTheContact() {
        client.mutateWith(Users.editorOf("another-city")).get().uri("/api/v1/case-studies/contact-named").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.contactAvailable").isEqualTo(true)
                .jsonPath("$.contact.name").isEqualTo("Ana Ruiz")
                .jsonPath("$.contact.email").isEqualTo("ana.ruiz@contact-city.example");
    }

    @Test
    void aCaseStudyWithoutAContactSaysSoToEveryone() {
        client.get().uri("/api/v1/case-studies/contact-none").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.contactAvailable").isEqualTo(false)
                .jsonPath("$.contact").doesNotExist();
        client.mutateWith(Users.expert()).get().uri("/api/v1/case-studies/contact-none").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.contactAvailable").isEqualTo(false)
                .jsonPath("$.contact").doesNotExist();
    }
}
