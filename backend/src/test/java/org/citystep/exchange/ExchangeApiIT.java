package org.citystep.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.search.ElasticsearchProperties;
import org.citystep.support.KeycloakTokens;
import org.citystep.support.TestIndexes;
import org.citystep.support.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Knowledge exchange through the HTTP API with real Keycloak tokens over the demo data set:
 * {@code editor.chengdu} asks Amsterdam about a step where Amsterdam is one validated level ahead,
 * {@code editor.amsterdam} is notified and accepts, they write to each other, an expert joins,
 * the calendar file gives the date in both cities' zones, Chengdu records the outcome and turns it
 * into a case-study draft, curators see the figures. And the refusals: a city two levels ahead, a
 * third city on every path, an expert not invited, a request sent again too soon, the cap on open
 * requests (also when requests arrive at once) and bad input.
 */
@SpringBootTest(properties = {"citystep.demo-data.enabled=true", "citystep.exchanges.max-open-per-city=3",
        "citystep.elasticsearch.index-prefix=citystep-test-exchange-${random.uuid}"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    WebTestClient client;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    ElasticsearchProperties properties;

    /** The seeded levels of every pilot city, as the demo data set gives them. */
    Map<String, Map<Characteristic, MaturityLevel>> seeded;

    @BeforeAll
    void demoData() throws IOException {
        // a loaded 2-core machine answers the first requests of a fresh context slowly
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        seeded = new HashMap<>();
        try (InputStream in = new ClassPathResource("seed/pilot-cities.json").getInputStream()) {
            for (JsonNode city : JSON.readTree(in).get("cities")) {
                Map<Characteristic, MaturityLevel> levels = new HashMap<>();
                city.get("assessment").get("levels").properties().forEach(entry -> levels.put(
                        Characteristic.valueOf(entry.getKey()), MaturityLevel.valueOf(entry.getValue().asString())));
                seeded.put(city.get("id").asString(), levels);
            }
        }
        // experts come after every city and assessment of the set
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> client.get()
                .uri("/api/v1/experts/demo-expert").exchange().expectStatus().isOk());
    }

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }

    // ------------------------------------------------------------ helpers

    private static String bearer(String user) {
        return "Bearer " + KeycloakTokens.accessToken(user);
    }

    /** A call with a real token; {@code user} null calls without one. */
    private WebTestClient.ResponseSpec call(String user, HttpMethod method, String uri, Object body) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
        if (user != null) {
            request.header("Authorization", bearer(user));
        }
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec call(JwtMutator user, HttpMethod method, String uri, Object body) {
        WebTestClient.RequestBodySpec request = client.mutateWith(user).method(method).uri(uri);
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static JsonNode json(WebTestClient.ResponseSpec response, int status) {
        EntityExchangeResult<byte[]> result = response.expectStatus().isEqualTo(status).expectBody().returnResult();
        byte[] body = result.getResponseBody();
        return body == null ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private JsonNode get(String user, String uri) {
        return json(call(user, HttpMethod.GET, uri, null), 200);
    }

    private long version(String user, String id) {
        return get(user, "/api/v1/exchanges/" + id).get("version").asLong();
    }

    /** The characteristics in which {@code peer}'s seeded level is {@code ahead} ranks above {@code asking}'s. */
    private List<Characteristic> stepsWhere(String asking, String peer, int ahead) {
        List<Characteristic> found = new ArrayList<>();
        for (Characteristic characteristic : Characteristic.ratedOnes()) {
            MaturityLevel mine = seeded.get(asking).getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
            MaturityLevel theirs = seeded.get(peer).getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
            if (mine.isAssessed() && theirs.isAssessed() && theirs.rank() == mine.rank() + ahead) {
                found.add(characteristic);
            }
        }
        return found;
    }

    private Map<String, Object> step(String asking, Characteristic characteristic) {
        MaturityLevel from = seeded.get(asking).get(characteristic);
        MaturityLevel to = from.next().orElse(from);
        return Map.of("characteristic", characteristic.name(), "fromLevel", from.name(), "toLevel", to.name());
    }

    private static Map<String, Object> request(String asking, String peer, Map<String, Object> step,
            List<Map<String, Object>> slots, String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("askingCityId", asking);
        body.put("peerCityId", peer);
        body.put("step", step);
        body.put("format", "CALL");
        body.put("origin", Map.of("kind", "MATCH"));
        body.put("proposedSlots", slots);
        body.put("message", message);
        return body;
    }

    private static Map<String, Object> slot(Instant start, Instant end) {
        return Map.of("start", start.toString(), "end", end.toString());
    }

    private JsonNode notificationsOf(String user) {
        return get(user, "/api/v1/me/notifications?size=100").get("items");
    }

    private static boolean hasNotification(JsonNode items, String action, String exchangeId) {
        for (JsonNode item : items) {
            if (item.get("action").asString().equals(action)
                    && item.get("link").asString().equals("/exchanges/" + exchangeId)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------ the whole exchange

    @Test
    void chengduAsksAmsterdamTheyMeetAndChengduRecordsWhatItLearnt() throws InterruptedException {
        List<Characteristic> oneAhead = stepsWhere("chengdu", "amsterdam", 1);
        assertThat(oneAhead).as("Amsterdam is one level ahead of Chengdu somewhere in the demo data").isNotEmpty();
        Characteristic characteristic = oneAhead.get(0);
        Instant start = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plusSeconds(1);
        Map<String, Object> slot = slot(start, end);

        JsonNode created = json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges",
                request("chengdu", "amsterdam", step("chengdu", characteristic), List.of(slot),
                        "Could you tell us how you made this step? 你们是怎么做到的？")), 201);
        String id = created.get("id").asString();
        String path = "/api/v1/exchanges/" + id;
        assertThat(created.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(created.get("relation").asString()).isEqualTo("ONE_STEP_AHEAD");
        assertThat(created.get("asking").get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(created.get("peer").get("timeZone").asString()).isEqualTo("Europe/Amsterdam");
        assertThat(created.get("peer").get("name").get("en").asString()).isEqualTo("Amsterdam");
        assertThat(created.get("messageCount").asLong()).isEqualTo(1);
        assertThat(created.get("canAct").toString()).contains("CANCEL").doesNotContain("ACCEPT");

        // Amsterdam is told and may accept
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                hasNotification(notificationsOf("editor.amsterdam"), "exchange.requested", id));
        assertThat(get("editor.amsterdam", path).get("canAct").toString()).contains("ACCEPT", "DECLINE", "AGREE_DATE");
        assertThat(get("editor.amsterdam", "/api/v1/exchanges").toString()).contains(id);

        refusedToEveryoneElse(id, slot);

        JsonNode accepted = json(call("editor.amsterdam", HttpMethod.POST, path + "/accept",
                Map.of("version", 0, "slot", slot)), 200);
        assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(Instant.parse(accepted.get("agreedSlot").get("start").asString())).isEqualTo(start);
        assertThat(accepted.has("answeredAt")).isTrue();
        JsonNode stale = json(call("editor.amsterdam", HttpMethod.POST, path + "/accept", Map.of("version", 0)), 409);
        assertThat(stale.get("type").asString()).isEqualTo("urn:citystep:problem:stale-version");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                hasNotification(notificationsOf("editor.chengdu"), "exchange.accepted", id));

        // a conversation both ways; text is kept exactly as written, markup included
        String fromAmsterdam = "<b>Welcome!</b> Our slides: https://example.org/funding.pdf";
        json(call("editor.amsterdam", HttpMethod.POST, path + "/messages", Map.of("text", fromAmsterdam)), 201);
        json(call("editor.chengdu", HttpMethod.POST, path + "/messages", Map.of("text", "谢谢！See you then.")), 201);
        JsonNode messages = get("editor.chengdu", path + "/messages");
        assertThat(messages.get("total").asLong()).isEqualTo(3);
        assertThat(messages.get("items").get(1).get("text").asString()).isEqualTo(fromAmsterdam);
        assertThat(messages.get("items").get(1).get("authorCityId").asString()).isEqualTo("amsterdam");
        assertThat(messages.get("items").get(2).get("authorCityId").asString()).isEqualTo("chengdu");
        assertThat(messages.get("items").get(2).get("seq").asLong()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                hasNotification(notificationsOf("editor.amsterdam"), "exchange.messagePosted", id));

        // an expert: not a reader until invited, then answers and writes
        json(call("expert.demo", HttpMethod.GET, path, null), 404);
        json(call("expert.demo", HttpMethod.POST, path + "/experts/demo-expert/answer",
                Map.of("version", version("editor.chengdu", id), "accept", true)), 404);
        JsonNode invited = json(call("editor.chengdu", HttpMethod.POST, path + "/experts",
                Map.of("version", version("editor.chengdu", id), "expertId", "demo-expert")), 200);
        assertThat(invited.get("experts").get(0).get("state").asString()).isEqualTo("INVITED");
        assertThat(get("expert.demo", path).get("canAct").toString()).contains("ANSWER_INVITE");
        assertThat(get("expert.demo", "/api/v1/exchanges").toString()).contains(id);
        JsonNode joined = json(call("expert.demo", HttpMethod.POST, path + "/experts/demo-expert/answer",
                Map.of("version", version("expert.demo", id), "accept", true)), 200);
        assertThat(joined.get("experts").get(0).get("state").asString()).isEqualTo("ACCEPTED");
        JsonNode fromExpert = json(call("expert.demo", HttpMethod.POST, path + "/messages",
                Map.of("text", "Happy to join.")), 201);
        assertThat(fromExpert.get("authorRole").asString()).isEqualTo("EXPERT");

        // the calendar file: UTC instants, each city's local time and zone
        String ics = call("editor.chengdu", HttpMethod.GET, path + "/calendar.ics", null).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar"))
                .expectBody(String.class).returnResult().getResponseBody();
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        assertThat(unfolded).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:" + id + "@citystep",
                "DTSTART:" + ICS_UTC.format(start), "DTEND:" + ICS_UTC.format(end), "Europe/Amsterdam", "Asia/Shanghai",
                LOCAL.format(start.atZone(ZoneId.of("Asia/Shanghai"))),
                LOCAL.format(start.atZone(ZoneId.of("Europe/Amsterdam"))));
        call("editor.amsterdam", HttpMethod.GET, path + "/calendar.ics", null).expectStatus().isOk();

        // the outcome waits for the end of the agreed date, and only the asking city records it
        Map<String, Object> outcome = Map.of("version", version("editor.chengdu", id),
                "learnt", "A revolving fund pays for the next project out of the savings of the last.",
                "willAdopt", "我们将为区域供热建立循环基金。", "usefulness", 5);
        if (Instant.now().isBefore(end.minusSeconds(2))) {
            JsonNode early = json(call("editor.chengdu", HttpMethod.PUT, path + "/outcome", outcome), 409);
            assertThat(early.get("detail").asString()).contains(end.toString());
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis() + 1_000));
        json(call("editor.amsterdam", HttpMethod.PUT, path + "/outcome", outcome), 403);
        JsonNode completed = json(call("editor.chengdu", HttpMethod.PUT, path + "/outcome", outcome), 200);
        assertThat(completed.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("canAct").toString()).contains("MAKE_DRAFT");
        assertThat(get("editor.amsterdam", path).get("outcome").get("usefulness").asInt()).isEqualTo(5);

        // the staircase counts it; the credit waits for Chengdu's next validated level
        JsonNode roadmap = get("editor.chengdu", "/api/v1/cities/chengdu/roadmap");
        for (JsonNode roadmapStep : roadmap.get("steps")) {
            if (roadmapStep.get("characteristic").asString().equals(characteristic.name())) {
                assertThat(roadmapStep.get("exchanges").get("done").asInt()).isEqualTo(1);
            }
        }
        assertThat(completed.get("credited").asBoolean()).isFalse();
        assertThat(get("editor.chengdu", "/api/v1/cities/chengdu").get("exchangeCredits").get("climbed").asInt()).isZero();

        // a case study draft for Chengdu, made once
        JsonNode draft = json(call("editor.chengdu", HttpMethod.POST, path + "/case-study-draft", null), 201);
        String caseStudyId = draft.get("caseStudyId").asString();
        JsonNode study = get("editor.chengdu", "/api/v1/case-studies/" + caseStudyId);
        assertThat(study.get("status").asString()).isEqualTo("DRAFT");
        assertThat(study.get("cityId").asString()).isEqualTo("chengdu");
        assertThat(study.get("title").get("en").asString()).contains("Amsterdam");
        assertThat(study.get("steps").get(0).get("characteristic").asString()).isEqualTo(characteristic.name());
        assertThat(get("editor.chengdu", path).get("caseStudyDraftId").asString()).isEqualTo(caseStudyId);
        json(call("editor.chengdu", HttpMethod.POST, path + "/case-study-draft", null), 409);

        // curators see the figures; cities do not
        JsonNode stats = get("curator.demo", "/api/v1/exchanges/stats");
        assertThat(stats.get("byFormat").get("CALL").asLong()).isPositive();
        assertThat(stats.get("byState").get("COMPLETED").asLong()).isPositive();
        assertThat(stats.get("usefulness").get("5").asLong()).isPositive();
        assertThat(stats.get("responseTimeHours").get("answers").asInt()).isPositive();
        assertThat(stats.get("byStep").toString()).contains(characteristic.name());
        call("editor.chengdu", HttpMethod.GET, "/api/v1/exchanges/stats", null).expectStatus().isForbidden();
        assertThat(get("curator.demo", "/api/v1/exchanges?cityId=chengdu").toString()).contains(id);
        assertThat(get("editor.chengdu", "/api/v1/exchanges?state=COMPLETED").toString()).contains(id);
    }

    /** A third city's editor and an expert not invited get nothing, by every path. */
    private void refusedToEveryoneElse(String id, Map<String, Object> slot) {
        String path = "/api/v1/exchanges/" + id;
        JwtMutator third = Users.editorOf("barcelona");
        json(call(third, HttpMethod.GET, path, null), 404);
        json(call(third, HttpMethod.GET, path + "/messages", null), 404);
        json(call(third, HttpMethod.GET, path + "/calendar.ics", null), 404);
        json(call(third, HttpMethod.GET, "/api/v1/exchanges?cityId=chengdu", null), 403);
        assertThat(json(call(third, HttpMethod.GET, "/api/v1/exchanges", null), 200).toString()).doesNotContain(id);
        json(call(third, HttpMethod.POST, path + "/accept", Map.of("version", 0)), 404);
        json(call(third, HttpMethod.POST, path + "/decline", Map.of("version", 0, "reason", "no")), 404);
        json(call(third, HttpMethod.POST, path + "/dates", Map.of("version", 0, "slots", List.of(slot))), 404);
        json(call(third, HttpMethod.POST, path + "/agree", Map.of("version", 0, "slot", slot)), 404);
        json(call(third, HttpMethod.POST, path + "/cancel", Map.of("version", 0)), 404);
        json(call(third, HttpMethod.POST, path + "/experts", Map.of("version", 0, "expertId", "demo-expert")), 404);
        json(call(third, HttpMethod.POST, path + "/messages", Map.of("text", "hello")), 404);
        json(call(third, HttpMethod.PUT, path + "/outcome",
                Map.of("version", 0, "learnt", "x", "willAdopt", "y", "usefulness", 3)), 404);
        json(call(third, HttpMethod.POST, path + "/case-study-draft", null), 404);
        json(call(Users.expertWith("other-expert"), HttpMethod.GET, path, null), 404);
        json(call(Users.expertWith("other-expert"), HttpMethod.POST, path + "/messages", Map.of("text", "hi")), 404);
        json(call((String) null, HttpMethod.GET, path, null), 401);
        json(call((String) null, HttpMethod.GET, "/api/v1/exchanges", null), 401);
        // the peer does not cancel, the asking city does not accept
        json(call("editor.amsterdam", HttpMethod.POST, path + "/cancel", Map.of("version", 0)), 403);
        json(call("editor.chengdu", HttpMethod.POST, path + "/accept", Map.of("version", 0)), 403);
        assertThat(version("editor.chengdu", id)).isZero();
    }

    // ------------------------------------------------------------ refusals

    @Test
    void aCityTwoLevelsAheadCannotBeAsked() {
        List<Characteristic> twoAhead = stepsWhere("chengdu", "amsterdam", 2);
        assertThat(twoAhead).as("Amsterdam is two levels ahead of Chengdu somewhere in the demo data").isNotEmpty();
        JsonNode refused = json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges",
                request("chengdu", "amsterdam", step("chengdu", twoAhead.get(0)), List.of(), "Hello")), 422);
        assertThat(refused.get("type").asString()).isEqualTo("urn:citystep:problem:exchange-peer-not-one-step-ahead");
        assertThat(refused.get("askingLevel").asString()).isEqualTo(seeded.get("chengdu").get(twoAhead.get(0)).name());
        assertThat(refused.get("peerLevel").asString()).isEqualTo(seeded.get("amsterdam").get(twoAhead.get(0)).name());
        assertThat(refused.get("detail").asString()).contains("Chengdu", "Amsterdam");
        JsonNode inChinese = json(client.post().uri("/api/v1/exchanges").header("Authorization", bearer("editor.chengdu"))
                .header("Accept-Language", "zh-CN").bodyValue(request("chengdu", "amsterdam",
                        step("chengdu", twoAhead.get(0)), List.of(), "Hello")).exchange(), 422);
        assertThat(inChinese.get("detail").asString()).contains("领先一级");
        // nor for another city than one's own
        json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges",
                request("amsterdam", "chengdu", step("amsterdam", twoAhead.get(0)), List.of(), "Hello")), 403);
    }

    @Test
    void aDeclinedRequestCannotBeSentAgainForThirtyDays() {
        List<Characteristic> oneAhead = stepsWhere("chengdu", "amsterdam", 1);
        assertThat(oneAhead).as("two steps where Amsterdam is one level ahead").hasSizeGreaterThanOrEqualTo(2);
        Map<String, Object> step = step("chengdu", oneAhead.get(1));
        JsonNode created = json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges",
                request("chengdu", "amsterdam", step, List.of(), "May we learn from you?")), 201);
        String id = created.get("id").asString();
        JsonNode declined = json(call("editor.amsterdam", HttpMethod.POST, "/api/v1/exchanges/" + id + "/decline",
                Map.of("version", 0, "reason", "No capacity before summer.")), 200);
        assertThat(declined.get("state").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("declineReason").asString()).isEqualTo("No capacity before summer.");

        JsonNode again = json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges",
                request("chengdu", "amsterdam", step, List.of(), "Once more?")), 409);
        assertThat(again.get("type").asString()).isEqualTo("urn:citystep:problem:exchange-declined-recently");
        Instant from = Instant.parse(again.get("sendableFrom").asString());
        assertThat(from).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
        assertThat(again.get("detail").asString()).contains(from.atZone(ZoneOffset.UTC).toLocalDate().toString());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                hasNotification(notificationsOf("editor.chengdu"), "exchange.declined", id));
    }

    @Test
    void openRequestsAreCappedAlsoWhenTheyArriveAtOnce() throws Exception {
        String asking = "korla";
        // different requests (one open request per peer and step is allowed): six arrive at once
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (String candidate : seeded.keySet().stream().sorted().toList()) {
            if (!candidate.equals("chengdu") && !candidate.equals("amsterdam")) {
                for (Characteristic characteristic : stepsWhere(asking, candidate, 1)) {
                    bodies.add(request(asking, candidate, step(asking, characteristic), List.of(), "Can we talk?"));
                }
            }
        }
        assertThat(bodies).as("eight steps where a demo city is one level ahead of Korla").hasSizeGreaterThanOrEqualTo(8);
        JwtMutator editor = Users.editorOf(asking);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (Map<String, Object> body : bodies.subList(0, 6)) {
                Callable<Integer> send = () -> call(editor, HttpMethod.POST, "/api/v1/exchanges", body)
                        .returnResult(byte[].class).getStatus().value();
                answers.add(pool.submit(send));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
            assertThat(statuses).filteredOn(status -> status == 429).hasSize(3);
        }
        finally {
            pool.shutdownNow();
        }
        JsonNode limit = json(call(editor, HttpMethod.POST, "/api/v1/exchanges", bodies.get(6)), 429);
        assertThat(limit.get("type").asString()).isEqualTo("urn:citystep:problem:exchange-limit");
        assertThat(limit.get("limit").asInt()).isEqualTo(3);

        JsonNode mine = json(call(editor, HttpMethod.GET, "/api/v1/exchanges?state=REQUESTED", null), 200);
        assertThat(mine.get("total").asLong()).isEqualTo(3);
        String first = mine.get("items").get(0).get("id").asString();
        // the same request as one that is open is refused for that, naming it
        Map<String, Object> open = bodies.stream().filter(body -> sameRequest(body, mine.get("items").get(0)))
                .findFirst().orElseThrow();
        JsonNode twice = json(call(editor, HttpMethod.POST, "/api/v1/exchanges", open), 409);
        assertThat(twice.get("type").asString()).isEqualTo("urn:citystep:problem:exchange-already-open");
        assertThat(twice.get("exchangeId").asString()).isEqualTo(first);
        json(call(editor, HttpMethod.POST, "/api/v1/exchanges/" + first + "/cancel", Map.of("version", 0)), 200);
        json(call(editor, HttpMethod.POST, "/api/v1/exchanges", bodies.get(7)), 201);
        // the cancelled request gave its claim back too, but the three places are taken again
        json(call(editor, HttpMethod.POST, "/api/v1/exchanges", open), 429);
    }

    private static boolean sameRequest(Map<String, Object> body, JsonNode exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> step = (Map<String, Object>) body.get("step");
        return body.get("peerCityId").equals(exchange.get("peer").get("cityId").asString())
                && step.get("characteristic").equals(exchange.get("step").get("characteristic").asString());
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        long before = get("editor.chengdu", "/api/v1/exchanges").get("total").asLong();
        Map<String, Object> good = request("chengdu", "amsterdam",
                step("chengdu", stepsWhere("chengdu", "amsterdam", 1).get(0)), List.of(), "Hello");

        Map<String, Object> injected = new HashMap<>(good);
        injected.put("peerCityId", Map.of("$gt", ""));
        json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges", injected), 400);

        Map<String, Object> unknownField = new HashMap<>(good);
        unknownField.put("priority", "HIGH");
        json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges", unknownField), 400);

        Map<String, Object> wrongType = new HashMap<>(good);
        wrongType.put("format", "SMOKE_SIGNALS");
        json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges", wrongType), 400);

        Map<String, Object> tooLong = new HashMap<>(good);
        tooLong.put("message", "x".repeat(4001));
        JsonNode problem = json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges", tooLong), 400);
        assertThat(problem.get("errors").toString()).contains("message");

        Map<String, Object> huge = new HashMap<>(good);
        huge.put("message", "x".repeat(300_000));
        json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges", huge), 413);

        Map<String, Object> pastSlot = new HashMap<>(good);
        pastSlot.put("proposedSlots", List.of(slot(Instant.now().minusSeconds(3600), Instant.now().minusSeconds(60))));
        json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges", pastSlot), 400);

        Map<String, Object> yourself = new HashMap<>(good);
        yourself.put("peerCityId", "chengdu");
        json(call("editor.chengdu", HttpMethod.POST, "/api/v1/exchanges", yourself), 400);

        json(call("editor.chengdu", HttpMethod.GET, "/api/v1/exchanges/not-an-id", null), 400);
        json(call("editor.chengdu", HttpMethod.GET, "/api/v1/exchanges/0123456789abcdef01234567", null), 404);
        assertThat(get("editor.chengdu", "/api/v1/exchanges").get("total").asLong()).isEqualTo(before);
    }
}
