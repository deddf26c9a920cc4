package org.citystep.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.citystep.assessment.AssessmentService;
import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceDataService;
import org.citystep.support.Fixtures;
import org.citystep.support.Staircase;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exchanges through the HTTP API on cities built here: members of one active cluster ask each other
 * about any step, cities at the top ask each other, dates go back and forth until the other side
 * agrees, and curators read and write in conversations but do not answer for a city.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MaturityLevel BASIC = MaturityLevel.BASIC;
    private static final MaturityLevel AVERAGE = MaturityLevel.AVERAGE;
    private static final MaturityLevel TOP = MaturityLevel.STATE_OF_THE_ART;

    @Autowired
    WebTestClient client;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ReferenceDataService reference;
    @Autowired
    Exchanges exchanges;
    @Autowired
    ExchangeEffects effects;
    @Autowired
    ExchangeEffectsWorker worker;
    @Autowired
    ExchangeLimits limits;
    @Autowired
    AuditLog audit;
    @Autowired
    ReactiveMongoTemplate template;

    @BeforeAll
    void cities() {
        // a loaded 2-core machine answers the first requests of a fresh context slowly
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        city("ex-asker", "CN", "CHINA", BASIC);
        city("ex-ahead", "NL", "EU", AVERAGE);
        city("ex-far", "NL", "EU", MaturityLevel.MORE_ADVANCED);
        city("ex-member", "DE", "EU", MaturityLevel.MORE_ADVANCED);
        city("ex-top-one", "ES", "EU", TOP);
        city("ex-top-two", "CN", "CHINA", TOP);
    }

    private void city(String id, String country, String region, MaturityLevel everywhere) {
        Staircase.createCity(client, Staircase.city(id, country, region, 500_000, "MUNICIPALITY", List.of("OPEN_DATA"),
                List.of("en")));
        Staircase.assess(assessments, reference, id, Staircase.levels(everywhere, Map.of()));
    }

    private WebTestClient.ResponseSpec call(JwtMutator user, HttpMethod method, String uri, Object body) {
        WebTestClient.RequestBodySpec request = client.mutateWith(user).method(method).uri(uri);
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static JsonNode json(WebTestClient.ResponseSpec response, int status) {
        byte[] body = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return body == null ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static Map<String, Object> request(String asking, String peer, MaturityLevel from, MaturityLevel to,
            List<Map<String, Object>> slots) {
        return request(asking, peer, Characteristic.FUNDING, from, to, slots);
    }

    private static Map<String, Object> request(String asking, String peer, Characteristic characteristic,
            MaturityLevel from, MaturityLevel to, List<Map<String, Object>> slots) {
        Map<String, Object> body = new HashMap<>();
        body.put("askingCityId", asking);
        body.put("peerCityId", peer);
        body.put("step", Map.of("characteristic", characteristic.name(), "fromLevel", from.name(),
                "toLevel", to.name()));
        body.put("format", "WEBINAR");
        body.put("origin", Map.of("kind", "MATCH"));
        body.put("proposedSlots", slots);
        body.put("message", "Hello from " + asking);
        return body;
    }

    private static Map<String, Object> slot(int daysAhead) {
        Instant start = Instant.now().plus(Duration.ofDays(daysAhead)).truncatedTo(ChronoUnit.HOURS);
        return Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(1)).toString());
    }

    @Test
    void membersOfAnActiveClusterAskEachOtherAboutAnyStep() {
        JwtMutator asker = Users.editorOf("ex-asker");
        json(call(asker, HttpMethod.POST, "/api/v1/exchanges", request("ex-asker", "ex-member", BASIC, AVERAGE, List.of())),
                422);
        Map<String, Object> cluster = new HashMap<>();
        cluster.put("id", "ex-open-data");
        cluster.put("name", Map.of("en", "Open data together"));
        cluster.put("leadCityId", "ex-asker");
        cluster.put("invitedCityIds", List.of("ex-member"));
        json(call(asker, HttpMethod.POST, "/api/v1/clusters", cluster), 201);
        json(call(Users.curator(), HttpMethod.POST, "/api/v1/clusters/ex-open-data/approve",
                Map.of("version", Fixtures.version(client, "/api/v1/clusters/ex-open-data"))), 200);
        json(call(Users.editorOf("ex-member"), HttpMethod.POST, "/api/v1/clusters/ex-open-data/members",
                Map.of("cityId", "ex-member")), 200);

        JsonNode created = json(call(asker, HttpMethod.POST, "/api/v1/exchanges",
                request("ex-asker", "ex-member", BASIC, AVERAGE, List.of())), 201);
        assertThat(created.get("relation").asString()).isEqualTo("CLUSTER_PEER");
        assertThat(created.get("asking").get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(created.get("peer").get("timeZone").asString()).isEqualTo("Europe/Berlin");
        // a city two levels ahead and in no shared cluster is still refused
        JsonNode refused = json(call(asker, HttpMethod.POST, "/api/v1/exchanges",
                request("ex-asker", "ex-far", BASIC, AVERAGE, List.of())), 422);
        assertThat(refused.get("type").asString()).isEqualTo("urn:citystep:problem:exchange-peer-not-one-step-ahead");
        // the step starts at the asking city's own level
        JsonNode notOwnLevel = json(call(asker, HttpMethod.POST, "/api/v1/exchanges",
                request("ex-asker", "ex-ahead", AVERAGE, MaturityLevel.MORE_ADVANCED, List.of())), 400);
        assertThat(notOwnLevel.get("errors").toString()).contains("step.fromLevel");
    }

    @Test
    void citiesAtTheTopAskEachOther() {
        JsonNode created = json(call(Users.editorOf("ex-top-one"), HttpMethod.POST, "/api/v1/exchanges",
                request("ex-top-one", "ex-top-two", TOP, TOP, List.of())), 201);
        assertThat(created.get("relation").asString()).isEqualTo("SAME_LEVEL");
    }

    @Test
    void datesGoBackAndForthUntilTheOtherSideAgrees() {
        JwtMutator asker = Users.editorOf("ex-asker");
        JwtMutator peer = Users.editorOf("ex-ahead");
        String id = json(call(asker, HttpMethod.POST, "/api/v1/exchanges",
                request("ex-asker", "ex-ahead", BASIC, AVERAGE, List.of())), 201).get("id").asString();
        String path = "/api/v1/exchanges/" + id;
        json(call(asker, HttpMethod.GET, path + "/calendar.ics", null), 409);

        Map<String, Object> first = slot(5);
        Map<String, Object> second = slot(6);
        JsonNode proposed = json(call(peer, HttpMethod.POST, path + "/dates",
                Map.of("version", 0, "slots", List.of(first, second))), 200);
        assertThat(proposed.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(proposed.get("proposedBy").asString()).isEqualTo("PEER");
        json(call(peer, HttpMethod.POST, path + "/agree", Map.of("version", 1, "slot", first)), 409);
        json(call(asker, HttpMethod.POST, path + "/agree", Map.of("version", 1, "slot", slot(9))), 409);

        JsonNode agreed = json(call(asker, HttpMethod.POST, path + "/agree", Map.of("version", 1, "slot", second)), 200);
        assertThat(agreed.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(agreed.get("agreedSlot").get("start").asString()).isEqualTo(second.get("start"));

        JsonNode again = json(call(asker, HttpMethod.POST, path + "/dates",
                Map.of("version", 2, "slots", List.of(slot(8)))), 200);
        assertThat(again.has("agreedSlot")).isFalse();
        assertThat(again.get("canAct").toString()).doesNotContain("AGREE_DATE");
        json(call(peer, HttpMethod.POST, path + "/agree", Map.of("version", 3, "slot", slot(8))), 200);
        call(asker, HttpMethod.GET, path + "/calendar.ics", null).expectStatus().isOk();

        json(call(peer, HttpMethod.POST, path + "/dates", Map.of("version", 3, "slots", List.of(slot(9)))), 409);
        json(call(peer, HttpMethod.POST, path + "/dates", Map.of("version", 4, "slots", List.of())), 400);
        json(call(asker, HttpMethod.POST, path + "/cancel", Map.of("version", 4)), 200);
        json(call(asker, HttpMethod.POST, path + "/cancel", Map.of("version", 5)), 409);
    }

    @Test
    void curatorsReadAndWriteButDoNotAnswerForACity() {
        String id = json(call(Users.editorOf("ex-asker"), HttpMethod.POST, "/api/v1/exchanges",
                request("ex-asker", "ex-ahead", Characteristic.SERVICES, BASIC, AVERAGE, List.of())), 201).get("id")
                .asString();
        String path = "/api/v1/exchanges/" + id;
        JsonNode seen = json(call(Users.curator(), HttpMethod.GET, path, null), 200);
        assertThat(seen.get("canAct").toString()).contains("POST_MESSAGE", "INVITE_EXPERT").doesNotContain("ACCEPT");
        JsonNode written = json(call(Users.curator(), HttpMethod.POST, path + "/messages",
                Map.of("text", "Curator here: <script>alert(1)</script> stays text.")), 201);
        assertThat(written.get("authorRole").asString()).isEqualTo("CURATOR");
        assertThat(written.get("text").asString()).isEqualTo("Curator here: <script>alert(1)</script> stays text.");
        json(call(Users.curator(), HttpMethod.POST, path + "/accept", Map.of("version", 0)), 403);
        assertThat(json(call(Users.curator(), HttpMethod.GET, "/api/v1/exchanges?cityId=ex-ahead", null), 200)
                .toString()).contains(id);
        json(call(Users.editorOf("ex-far"), HttpMethod.GET, path, null), 404);
        json(call(Users.editorOf("ex-far"), HttpMethod.GET, "/api/v1/exchanges?cityId=ex-asker", null), 403);
        json(call(Users.curator(), HttpMethod.GET, "/api/v1/exchanges/stats", null), 200);
    }

    @Test
    void theSameRequestIsOpenOnlyOnce() {
        JwtMutator asker = Users.editorOf("ex-asker");
        Map<String, Object> body = request("ex-asker", "ex-ahead", Characteristic.GOVERNANCE, BASIC, AVERAGE, List.of());
        String id = json(call(asker, HttpMethod.POST, "/api/v1/exchanges", body), 201).get("id").asString();
        JsonNode twice = json(call(asker, HttpMethod.POST, "/api/v1/exchanges", body), 409);
        assertThat(twice.get("type").asString()).isEqualTo("urn:citystep:problem:exchange-already-open");
        assertThat(twice.get("exchangeId").asString()).isEqualTo(id);
        assertThat(twice.get("detail").asString()).contains(id);
        JsonNode inChinese = json(client.mutateWith(asker).post().uri("/api/v1/exchanges").header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 409);
        assertThat(inChinese.get("detail").asString()).contains("未结束的请求");
        // once it is closed, the same request may be sent again
        json(call(asker, HttpMethod.POST, "/api/v1/exchanges/" + id + "/cancel", Map.of("version", 0)), 200);
        String again = json(call(asker, HttpMethod.POST, "/api/v1/exchanges", body), 201).get("id").asString();
        assertThat(again).isNotEqualTo(id);
    }

    /**
     * A decline whose process died right after the save: what its writer does before the save
     * happened (the due mark, the change with its effect), nothing after it. The worker finishes it,
     * and finishing it once more changes nothing.
     */
    @Test
    void aChangeWhoseWriterDiedAfterTheSaveIsFinishedByTheWorkerOnce() {
        JwtMutator asker = Users.editorOf("ex-top-one");
        Map<String, Object> body = request("ex-top-one", "ex-top-two", Characteristic.STRATEGY, TOP, TOP, List.of());
        String id = json(call(asker, HttpMethod.POST, "/api/v1/exchanges", body), 201).get("id").asString();
        long open = limits.openCount("ex-top-one").block();
        long declined = stats().get("byState").get("DECLINED").asLong();
        long answered = stats().get("responseTimeHours").get("answers").asLong();

        Exchange exchange = exchanges.findById(id).block();
        exchange.decline("Not this year.", Instant.now());
        String auditId = new ObjectId().toHexString();
        exchange.effect(new ExchangeEffect(new ObjectId().toHexString(), ExchangeState.REQUESTED, null,
                ExchangeState.DECLINED, exchange.answeredAt(), null, exchange.updatedAt(), auditId, "ex-top-two-subject",
                "editor.ex-top-two", AuditEvent.of("exchange.declined", "exchange", id, "ex-top-two", 0L, 1L)
                        .withDetails(Map.of("cityIds", "ex-top-one", "expertIds", ""))));
        ExchangeEffects.DueMark due = effects.markDue(id).block();
        exchanges.save(exchange).block();

        assertThat(limits.openCount("ex-top-one").block()).as("the place is still taken").isEqualTo(open);
        // the same request cannot slip through before the decline is remembered
        JsonNode meanwhile = json(call(asker, HttpMethod.POST, "/api/v1/exchanges", body), 409);
        assertThat(meanwhile.get("detail").asString()).contains(id, "try again");
        assertThat(audit.byIds(List.of(auditId)).collectList().block()).isEmpty();

        // the worker takes marks its writer had time to settle: this one is made old enough
        template.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("at", Date.from(Instant.now().minus(Duration.ofMinutes(1)))), ExchangeEffects.DUE).block();
        worker.round().block();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(limits.openCount("ex-top-one").block()).isEqualTo(open - 1);
            assertThat(exchanges.findById(id).block().pendingEffects()).isEmpty();
        });
        JsonNode again = json(call(asker, HttpMethod.POST, "/api/v1/exchanges", body), 409);
        assertThat(again.get("type").asString()).isEqualTo("urn:citystep:problem:exchange-declined-recently");
        assertThat(stats().get("byState").get("DECLINED").asLong()).isEqualTo(declined + 1);
        assertThat(stats().get("responseTimeHours").get("answers").asLong()).isEqualTo(answered + 1);
        assertThat(audit.byIds(List.of(auditId)).collectList().block()).singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("exchange.declined"));

        // the same effect carried out again (the worker died before it removed it): nothing counts twice
        effects.carryOut(exchange, due).block();
        assertThat(limits.openCount("ex-top-one").block()).isEqualTo(open - 1);
        assertThat(stats().get("byState").get("DECLINED").asLong()).isEqualTo(declined + 1);
        assertThat(stats().get("responseTimeHours").get("answers").asLong()).isEqualTo(answered + 1);
        assertThat(audit.byIds(List.of(auditId)).collectList().block()).hasSize(1);
    }

    /** A counter of an older build only counted: a full one is recounted from what it can prove, not left full for good. */
    @Test
    void aFullCounterOfAnOlderBuildIsRecountedInsteadOfRefusingForever() {
        template.save(new org.bson.Document("_id", "ex-member").append("open", 10), ExchangeLimits.OPEN).block();
        json(call(Users.editorOf("ex-member"), HttpMethod.POST, "/api/v1/exchanges",
                request("ex-member", "ex-top-one", Characteristic.BUSINESS_MODELS, MaturityLevel.MORE_ADVANCED, TOP,
                        List.of())), 201);
        assertThat(limits.openCount("ex-member").block()).isEqualTo(1);
    }

    private JsonNode stats() {
        return json(call(Users.curator(), HttpMethod.GET, "/api/v1/exchanges/stats", null), 200);
    }
}
