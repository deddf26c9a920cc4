package org.citystep.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.time.Duration;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/**
 * Writes notify the people who act on them, in each reader's language; a city's editors never see
 * another city's notifications; read marks are per reader; the live stream tells of new ones.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationFlowTest {

    @Autowired
    WebTestClient client;

    @Autowired
    FanOutWorker worker;

    @Autowired
    ReactiveMongoTemplate template;

    @Autowired
    ReverificationReminders reminders;

    @BeforeAll
    void cities() {
        // a shared, busy machine: the first requests of a new context can take a while
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        Fixtures.createCity(client, "nf-home", "NL", "EU");
        Fixtures.createCity(client, "nf-away", "CN", "CHINA");
    }

    /** A curator of their own, so that read marks of other tests' curators do not interfere. */
    private static JwtMutator curator(String subject) {
        return mockJwt().jwt(jwt -> jwt.subject(subject).claim("preferred_username", subject))
                .authorities(new SimpleGrantedAuthority("ROLE_CURATOR"));
    }

    private static Map<String, Object> caseStudy(String id, String city) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("cityId", city);
        body.put("title", Map.of("en", "Smart parking " + id));
        body.put("summary", Map.of("en", "Sensors in parking bays."));
        body.put("body", Map.of("en", "<p>Sensors.</p>"));
        body.put("serviceDomains", List.of("TRANSPORTATION"));
        body.put("steps", List.of(Map.of("characteristic", "SERVICES", "fromLevel", "AVERAGE", "toLevel", "MORE_ADVANCED")));
        body.put("stage", "SCALING");
        body.put("flags", Map.of("scalable", true, "cloud", false, "integratedOffering", false, "openApi", true, "iot", true));
        return body;
    }

    private void submit(String id, String city) {
        var editor = Users.editorOf(city);
        client.mutateWith(editor).post().uri("/api/v1/case-studies").bodyValue(caseStudy(id, city)).exchange()
                .expectStatus().isCreated();
        client.mutateWith(editor).post().uri("/api/v1/case-studies/" + id + "/submit")
                .bodyValue(Map.of("version", Fixtures.version(client, "/api/v1/case-studies/" + id))).exchange()
                .expectStatus().isOk();
    }

    private void fanOut() {
        StepVerifier.create(worker.round()).expectNextCount(1).verifyComplete();
    }

    private WebTestClient.BodyContentSpec inbox(JwtMutator user, String language, String query) {
        return client.mutateWith(user).get().uri("/api/v1/me/notifications" + query)
                .header("Accept-Language", language).exchange()
                .expectStatus().isOk().expectBody();
    }

    @Test
    void curatorsAreToldOfASubmittedCaseStudyInTheirOwnLanguage() {
        submit("nf-parking", "nf-home");
        fanOut();

        String item = "$.items[?(@.text =~ /.*nf-parking.*/)]";
        inbox(curator("nf-curator-en"), "en", "?size=100")
                .jsonPath(item + ".text").isEqualTo("Case study 'nf-parking' of nf-home was submitted for review.")
                .jsonPath(item + ".link").isEqualTo("/curation")
                .jsonPath(item + ".read").isEqualTo(false)
                .jsonPath(item + ".action").isEqualTo("caseStudy.submitted");
        inbox(curator("nf-curator-zh"), "zh-CN", "?size=100")
                .jsonPath(item + ".text").isEqualTo("nf-home 的案例“nf-parking”已提交审核。");
        // the city's editors are not told of their own submission, and other cities hear nothing
        inbox(Users.editorOf("nf-home"), "en", "").jsonPath("$.items[?(@.text =~ /.*nf-parking.*/)]").isEmpty();
        inbox(Users.editorOf("nf-away"), "en", "").jsonPath("$.items[?(@.text =~ /.*nf-parking.*/)]").isEmpty();
    }

    @Test
    void theCitysEditorsAndOnlyTheyHearThatTheirCaseStudyWasSentBack() {
        submit("nf-sensors", "nf-home");
        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies/nf-sensors/review")
                .bodyValue(Map.of("version", Fixtures.version(client, "/api/v1/case-studies/nf-sensors"),
                        "decision", "REQUEST_CHANGES", "note", "Add the baseline year"))
                .exchange().expectStatus().isOk();
        fanOut();

        inbox(Users.editorOf("nf-home"), "en", "")
                .jsonPath("$.items[?(@.action == 'caseStudy.returned')].text")
                .isEqualTo("Case study 'nf-sensors' was sent back for changes: Add the baseline year")
                .jsonPath("$.items[?(@.action == 'caseStudy.returned')].link").isEqualTo("/case-studies/nf-sensors");
        inbox(Users.editorOf("nf-away"), "en", "?size=100").jsonPath("$.items[?(@.text =~ /.*nf-sensors.*/)]").isEmpty()
                .jsonPath("$.items[?(@.action == 'caseStudy.returned')]").isEmpty();
        // nor can they mark it read: it is not theirs
        String id = template.findOne(Query.query(Criteria.where("resourceId").is("nf-sensors")
                        .and("action").is("caseStudy.returned")), org.bson.Document.class, "audit")
                .map(entry -> entry.get("_id").toString()).block(Duration.ofSeconds(5));
        client.mutateWith(Users.editorOf("nf-away")).post().uri("/api/v1/me/notifications/" + id + "/read").exchange()
                .expectStatus().isNotFound();
        client.mutateWith(Users.editorOf("nf-home")).post().uri("/api/v1/me/notifications/" + id + "/read").exchange()
                .expectStatus().isNoContent();
        inbox(Users.editorOf("nf-home"), "en", "?unreadOnly=true")
                .jsonPath("$.items[?(@.action == 'caseStudy.returned')]").isEmpty();
    }

    @Test
    void readMarksBelongToEachReader() {
        submit("nf-lights", "nf-home");
        fanOut();
        var first = curator("nf-reader-1");
        var second = curator("nf-reader-2");
        client.mutateWith(first).post().uri("/api/v1/me/notifications/read-all").exchange().expectStatus().isNoContent();

        inbox(first, "en", "").jsonPath("$.unread").isEqualTo(0);
        inbox(first, "en", "?unreadOnly=true").jsonPath("$.items").isEmpty();
        inbox(second, "en", "?unreadOnly=true&size=100")
                .jsonPath("$.unread").value(unread -> assertThat(((Number) unread).longValue()).isPositive())
                .jsonPath("$.items[?(@.text =~ /.*nf-lights.*/)].read").isEqualTo(false);
    }

    @Test
    void takingAnEntryTwiceDeliversItOnce() {
        submit("nf-twice", "nf-home");
        String id = template.findOne(Query.query(Criteria.where("resourceId").is("nf-twice")
                        .and("action").is("caseStudy.submitted")), org.bson.Document.class, "audit")
                .map(entry -> entry.get("_id").toString()).block(Duration.ofSeconds(5));
        // as after a crash between delivering and clearing the mark
        fanOut();
        assertThat(template.count(new Query(), "auditPending").block(Duration.ofSeconds(5))).isZero();
        template.insert(new org.bson.Document("_id", new org.bson.types.ObjectId(id)).append("at", new java.util.Date()), "auditPending")
                .block(Duration.ofSeconds(5));
        fanOut();
        inbox(curator("nf-twice-reader"), "en", "?size=100")
                .jsonPath("$.items[?(@.text =~ /.*nf-twice.*/)].id").isEqualTo(id);
    }

    @Test
    void everyWriteIsAuditedWithItsVersions() {
        submit("nf-audited", "nf-home");
        var entries = template.find(Query.query(Criteria.where("resourceId").is("nf-audited")), org.bson.Document.class,
                "audit").collectList().block(Duration.ofSeconds(5));
        assertThat(entries).extracting(entry -> entry.getString("action"))
                .containsExactlyInAnyOrder("caseStudy.created", "caseStudy.submitted");
        var submitted = entries.stream().filter(entry -> entry.getString("action").equals("caseStudy.submitted"))
                .findFirst().orElseThrow();
        assertThat(submitted.get("versionBefore")).isEqualTo(0L);
        assertThat(submitted.get("versionAfter")).isEqualTo(1L);
        assertThat(submitted.getString("actorName")).isEqualTo("editor.nf-home");
        assertThat(submitted.getString("cityId")).isEqualTo("nf-home");
    }

    @Test
    void reverificationFallsDueOncePerCityAndMonthForTheCityAndTheCurators() {
        submit("nf-old", "nf-away");
        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies/nf-old/review")
                .bodyValue(Map.of("version", Fixtures.version(client, "/api/v1/case-studies/nf-old"), "decision", "PUBLISH"))
                .exchange().expectStatus().isOk();
        // verified long ago
        template.updateFirst(Query.query(Criteria.where("_id").is("nf-old")),
                new org.springframework.data.mongodb.core.query.Update().set("lastVerified",
                        java.util.Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z"))), "case_studies")
                .block(Duration.ofSeconds(5));

        // the context is shared: the scheduled tick may have done this month already, before nf-old fell due
        template.remove(Query.query(Criteria.where("_id").regex("^reverification:")), ReverificationReminders.MARKERS)
                .block(Duration.ofSeconds(5));
        StepVerifier.create(reminders.runMonthly()).assertNext(reminded -> assertThat(reminded).isPositive()).verifyComplete();
        StepVerifier.create(reminders.runMonthly()).expectNext(0L).verifyComplete();
        var due = template.find(Query.query(Criteria.where("action").is("reverification.due").and("cityId").is("nf-away")),
                org.bson.Document.class, "audit").collectList().block(Duration.ofSeconds(5));
        assertThat(due).singleElement().satisfies(entry -> {
            assertThat(entry.getString("actorId")).isEqualTo("system");
            assertThat(entry.get("details", org.bson.Document.class).getString("caseStudyIds")).contains("nf-old");
        });
        fanOut();
        inbox(Users.editorOf("nf-away"), "en", "")
                .jsonPath("$.items[?(@.action == 'reverification.due')].text")
                .isEqualTo("Published case studies of nf-away are due for re-verification.")
                .jsonPath("$.items[?(@.action == 'reverification.due')].link").isEqualTo("/my-city");
        inbox(curator("nf-reverifier"), "zh-CN", "?size=100")
                .jsonPath("$.items[?(@.action == 'reverification.due' && @.text =~ /.*nf-away.*/)].link")
                .isEqualTo("/curation?tab=reverification");
        inbox(Users.editorOf("nf-home"), "en", "?size=100").jsonPath("$.items[?(@.action == 'reverification.due')]").isEmpty();
    }

    @Test
    void strangersAreKeptOut() {
        client.get().uri("/api/v1/me/notifications").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/me/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized();
        client.post().uri("/api/v1/me/notifications/read-all").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/admin/audit").exchange().expectStatus().isUnauthorized();
        client.mutateWith(Users.editorOf("nf-home")).get().uri("/api/v1/admin/audit").exchange()
                .expectStatus().isForbidden();
        client.mutateWith(Users.expert()).get().uri("/api/v1/admin/audit").exchange().expectStatus().isForbidden();
        client.mutateWith(Users.editorOf("nf-home")).post().uri("/api/v1/me/notifications/not-an-id/read").exchange()
                .expectStatus().isBadRequest();
        // with the read model down, the audit log answers 503, never 500
        client.mutateWith(Users.curator()).get().uri("/api/v1/admin/audit?action=caseStudy.submitted").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(Users.curator()).get().uri("/api/v1/admin/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void theLiveStreamTellsOfANewNotification() {
        var reader = curator("nf-live");
        var events = client.mutateWith(reader).get().uri("/api/v1/me/notifications/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                }).getResponseBody()
                .filter(event -> "unread".equals(event.event()));
        long[] before = {0};
        StepVerifier.create(events)
                .assertNext(first -> before[0] = ((Number) first.data().get("unread")).longValue())
                .then(() -> {
                    submit("nf-live-one", "nf-away");
                    fanOut();
                })
                .assertNext(next -> assertThat(((Number) next.data().get("unread")).longValue()).isGreaterThan(before[0]))
                .thenCancel()
                .verify(Duration.ofSeconds(20));
    }

    @Test
    void aReaderMayHoldOnlyAFewStreams() {
        var reader = curator("nf-greedy");
        List<reactor.core.Disposable> open = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(client.mutateWith(reader).get().uri("/api/v1/me/notifications/stream")
                    .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody().subscribe());
        }
        try {
            client.mutateWith(reader).get().uri("/api/v1/me/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange().expectStatus().isEqualTo(429);
        }
        finally {
            open.forEach(reactor.core.Disposable::dispose);
        }
    }
}
