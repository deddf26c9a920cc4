package org.citystep.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citystep.support.AppProcess;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nothing acknowledged is lost in a crash: the packaged app runs as its own process on the
 * file-backed embedded MongoDB, answers writes of every kind (creations and edits; a self-assessment
 * saved as a draft, submitted, assigned and validated by an expert; curators' decisions on case
 * studies, experts and clusters; a glossary term deleted, a city retired; exchanges asked,
 * accepted, declined and written in; a notification marked read), is killed with SIGKILL the moment the last answer arrives, and after a restart every one of
 * them is there with the status, level and version it was answered with. (Before writes were
 * committed per acknowledgement, 49 of 50 new cities were gone after such a kill.)
 */
// starts and restarts whole app processes: minutes on a shared machine, beyond the 3-minute default
@Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
class CrashDurabilityIT {

    private static final int EACH = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String prefix = "citystep-test-crash-" + UUID.randomUUID();
    private AppProcess app;

    @TempDir
    Path work;

    @AfterEach
    void stopAndCleanUp() throws Exception {
        if (app != null) {
            app.close();
        }
        TestIndexes.deleteAllOverHttp(prefix);
    }

    @Test
    void everyAcknowledgedWriteOfEveryKindIsThereAfterSigkill() throws Exception {
        app = AppProcess.start(work, prefix, Map.of());
        List<String> cities = new ArrayList<>();
        List<String> caseStudies = new ArrayList<>();
        List<String> experts = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        long amsterdamVersion = read("/api/v1/cities/amsterdam", "curator.demo").get("version").asLong();
        String lastName = null;
        for (int i = 0; i < EACH; i++) {
            String city = "crash-town-" + i;
            assertThat(app.send("POST", "/api/v1/cities", "curator.demo", Map.of("id", city,
                    "name", Map.of("en", "Crash Town " + i), "country", "NL", "region", "EU")).statusCode())
                    .isEqualTo(201);
            cities.add(city);

            lastName = "Amsterdam after edit " + i;
            HttpResponse<String> edited = app.send("PUT", "/api/v1/cities/amsterdam", "editor.amsterdam", Map.of(
                    "version", amsterdamVersion, "name", Map.of("en", lastName), "country", "NL", "region", "EU"));
            assertThat(edited.statusCode()).isEqualTo(200);
            amsterdamVersion = JSON.readTree(edited.body()).get("version").asLong();

            HttpResponse<String> study = app.send("POST", "/api/v1/case-studies", "curator.demo", Map.of(
                    "cityId", "amsterdam", "title", Map.of("en", "Crash-proof smart lighting " + i),
                    "summary", Map.of("en", "Written just before the app was killed."),
                    "serviceDomains", List.of("ENERGY_UTILITIES"), "steps", List.of(), "stage", "PILOT",
                    "flags", Map.of("scalable", false, "cloud", false, "integratedOffering", false, "openApi", false,
                            "iot", false)));
            assertThat(study.statusCode()).isEqualTo(201);
            caseStudies.add(JSON.readTree(study.body()).get("id").asString());

            String expert = "crash-expert-" + i;
            assertThat(app.send("POST", "/api/v1/experts", "curator.demo", Map.of("id", expert,
                    "name", "Expert " + i, "country", "NL", "region", "EU", "languages", List.of("en"),
                    "expertise", Map.of("characteristics", List.of("FUNDING")), "availability", "AVAILABLE"))
                    .statusCode()).isEqualTo(201);
            experts.add(expert);

            String cluster = "crash-cluster-" + i;
            Map<String, Object> proposal = new HashMap<>();
            proposal.put("id", cluster);
            proposal.put("name", Map.of("en", "Crash cluster " + i));
            proposal.put("purpose", Map.of("en", "Survive a kill."));
            proposal.put("topic", Map.of("serviceDomains", List.of("OPEN_DATA"), "keywords", List.of("durability")));
            proposal.put("leadCityId", "amsterdam");
            proposal.put("invitedCityIds", List.of());
            assertThat(app.send("POST", "/api/v1/clusters", "editor.amsterdam", proposal).statusCode()).isEqualTo(201);
            clusters.add(cluster);
        }

        // curators' decisions: case studies submitted and published, experts approved, clusters approved
        Map<String, JsonNode> decided = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            String study = caseStudies.get(i);
            JsonNode submitted = ack("POST", "/api/v1/case-studies/" + study + "/submit", "curator.demo",
                    Map.of("version", read("/api/v1/case-studies/" + study, "curator.demo").get("version").asLong()), 200);
            decided.put("/api/v1/case-studies/" + study, ack("POST", "/api/v1/case-studies/" + study + "/review",
                    "curator.demo", Map.of("version", submitted.get("version").asLong(), "decision", "PUBLISH"), 200));
            String expert = experts.get(i);
            decided.put("/api/v1/experts/" + expert, ack("POST", "/api/v1/experts/" + expert + "/approve",
                    "curator.demo", Map.of("version", read("/api/v1/experts/" + expert, "curator.demo").get("version").asLong()),
                    200));
            String cluster = clusters.get(i);
            decided.put("/api/v1/clusters/" + cluster, ack("POST", "/api/v1/clusters/" + cluster + "/approve",
                    "curator.demo", Map.of("version", read("/api/v1/clusters/" + cluster, "curator.demo").get("version").asLong()),
                    200));
        }
        assertThat(decided.get("/api/v1/case-studies/" + caseStudies.get(0)).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(decided.get("/api/v1/experts/" + experts.get(0)).get("status").asString()).isEqualTo("APPROVED");
        assertThat(decided.get("/api/v1/clusters/" + clusters.get(0)).get("status").asString()).isEqualTo("ACTIVE");

        // a glossary term created and another deleted; a city retired
        ack("POST", "/api/v1/glossary", "curator.demo", Map.of("category", "VOCABULARY",
                "en", List.of("crash proof kept"), "zh", List.of("防崩溃保留")), 201);
        ack("POST", "/api/v1/glossary", "curator.demo", Map.of("category", "VOCABULARY",
                "en", List.of("crash proof gone"), "zh", List.of("防崩溃删除")), 201);
        assertThat(app.send("DELETE", "/api/v1/glossary/crash-proof-gone", "curator.demo", Map.of()).statusCode())
                .isEqualTo(204);
        String retired = cities.get(EACH - 1);
        JsonNode retiredCity = ack("POST", "/api/v1/admin/cities/" + retired + "/retire", "admin.demo",
                Map.of("version", read("/api/v1/admin/cities/" + retired, "admin.demo").get("version").asLong()), 200);
        assertThat(retiredCity.get("state").asString()).isEqualTo("RETIRED");

        // a self-assessment: Amsterdam's saved as a draft; Chengdu's saved, submitted, assigned and validated
        String ictBefore = levelOf(read("/api/v1/cities/chengdu/assessment", "curator.demo"), "ICT_INFRASTRUCTURE");
        String ictNext = nextLevel(ictBefore);
        JsonNode amsterdamDraft = ack("PUT", "/api/v1/cities/amsterdam/assessment/draft", "editor.amsterdam",
                draftReaching("amsterdam", "FUNDING"), 200);
        ack("PUT", "/api/v1/cities/chengdu/assessment/draft", "editor.chengdu",
                draftReaching("chengdu", "ICT_INFRASTRUCTURE"), 200);
        JsonNode chengdu = ack("POST", "/api/v1/cities/chengdu/assessment/draft/submit", "editor.chengdu",
                Map.of("version", read("/api/v1/cities/chengdu/assessment/draft", "editor.chengdu").get("version").asLong()),
                200);
        chengdu = ack("POST", "/api/v1/cities/chengdu/assessment/draft/assign", "curator.demo",
                Map.of("version", chengdu.get("version").asLong(), "expertId", "demo-expert"), 200);
        chengdu = ack("POST", "/api/v1/cities/chengdu/assessment/draft/validate", "expert.demo",
                Map.of("version", chengdu.get("version").asLong(), "note", "Checked just before the crash"), 200);
        assertThat(chengdu.get("status").asString()).isEqualTo("VALIDATED");
        assertThat(levelOf(chengdu, "ICT_INFRASTRUCTURE")).isEqualTo(ictNext).isNotEqualTo(ictBefore);

        // exchanges: Chengdu asks Amsterdam about two steps where Amsterdam is one level ahead; Amsterdam
        // accepts one (a message follows) and declines the other
        JsonNode chengduLevels = read("/api/v1/cities/chengdu", "curator.demo").get("levels");
        JsonNode amsterdamLevels = read("/api/v1/cities/amsterdam", "curator.demo").get("levels");
        List<String> oneAhead = new ArrayList<>();
        chengduLevels.properties().forEach(level -> {
            String next = nextLevel(level.getValue().asString());
            if (!next.equals(level.getValue().asString()) && amsterdamLevels.has(level.getKey())
                    && amsterdamLevels.get(level.getKey()).asString().equals(next)) {
                oneAhead.add(level.getKey());
            }
        });
        assertThat(oneAhead).as("two steps where Amsterdam is one level ahead of Chengdu").hasSizeGreaterThanOrEqualTo(2);
        List<Map<String, Object>> requests = new ArrayList<>();
        for (String characteristic : oneAhead.subList(0, 2)) {
            String from = chengduLevels.get(characteristic).asString();
            requests.add(Map.of("askingCityId", "chengdu", "peerCityId", "amsterdam",
                    "step", Map.of("characteristic", characteristic, "fromLevel", from, "toLevel", nextLevel(from)),
                    "format", "CALL", "origin", Map.of("kind", "MATCH"), "proposedSlots", List.of(),
                    "message", "Asked just before the crash. 崩溃前提问。"));
        }
        String accepted = ack("POST", "/api/v1/exchanges", "editor.chengdu", requests.get(0), 201).get("id").asString();
        String declined = ack("POST", "/api/v1/exchanges", "editor.chengdu", requests.get(1), 201).get("id").asString();
        JsonNode acceptedExchange = ack("POST", "/api/v1/exchanges/" + accepted + "/accept", "editor.amsterdam",
                Map.of("version", 0), 200);
        ack("POST", "/api/v1/exchanges/" + accepted + "/messages", "editor.amsterdam",
                Map.of("text", "Welcome! Answered just before the crash."), 201);
        JsonNode declinedExchange = ack("POST", "/api/v1/exchanges/" + declined + "/decline", "editor.amsterdam",
                Map.of("version", 0, "reason", "Not this year."), 200);

        // a notification read mark, the last acknowledgement before the kill
        JsonNode unread = await().atMost(Duration.ofSeconds(30)).until(() ->
                read("/api/v1/me/notifications?unreadOnly=true&size=1", "curator.demo").get("items"), items -> !items.isEmpty())
                .get(0);
        String notification = unread.get("id").asString();
        assertThat(app.send("POST", "/api/v1/me/notifications/" + notification + "/read", "curator.demo", Map.of())
                .statusCode()).isEqualTo(204);

        app.kill();
        app.restart();

        // every decision with the status and version it was answered with
        decided.forEach((path, answered) -> {
            JsonNode now = uncheckedRead(path, "curator.demo");
            assertThat(now.get("status").asString()).as(path).isEqualTo(answered.get("status").asString());
            assertThat(now.get("version").asLong()).as(path).isEqualTo(answered.get("version").asLong());
        });
        assertThat(app.get("/api/v1/glossary/crash-proof-kept", "curator.demo").statusCode()).isEqualTo(200);
        assertThat(app.get("/api/v1/glossary/crash-proof-gone", "curator.demo").statusCode()).as("deleted").isEqualTo(404);
        JsonNode stillRetired = read("/api/v1/admin/cities/" + retired, "admin.demo");
        assertThat(stillRetired.get("state").asString()).isEqualTo("RETIRED");
        assertThat(stillRetired.get("version").asLong()).isEqualTo(retiredCity.get("version").asLong());

        JsonNode draftNow = read("/api/v1/cities/amsterdam/assessment/draft", "editor.amsterdam");
        assertThat(draftNow.get("status").asString()).isEqualTo(amsterdamDraft.get("status").asString());
        assertThat(draftNow.get("version").asLong()).isEqualTo(amsterdamDraft.get("version").asLong());
        assertThat(levelOf(draftNow, "FUNDING")).isEqualTo(levelOf(amsterdamDraft, "FUNDING"));
        JsonNode chengduNow = read("/api/v1/cities/chengdu/assessment", "curator.demo");
        assertThat(chengduNow.get("status").asString()).isEqualTo("VALIDATED");
        assertThat(levelOf(chengduNow, "ICT_INFRASTRUCTURE")).isEqualTo(ictNext);
        assertThat(read("/api/v1/cities/chengdu", "curator.demo").get("levels").get("ICT_INFRASTRUCTURE").asString())
                .isEqualTo(ictNext);

        assertThat(read("/api/v1/me/notifications?size=100", "curator.demo").get("items").valueStream()
                .filter(each -> each.get("id").asString().equals(notification)).findFirst().orElseThrow()
                .get("read").asBoolean()).as("marked read before the kill").isTrue();

        // the exchanges in the states answered, with their conversation, and what followed from them:
        // the decline is remembered, the accepted request holds its claim, and Chengdu was told
        JsonNode acceptedNow = read("/api/v1/exchanges/" + accepted, "editor.chengdu");
        assertThat(acceptedNow.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(acceptedNow.get("version").asLong()).isEqualTo(acceptedExchange.get("version").asLong());
        assertThat(read("/api/v1/exchanges/" + accepted + "/messages", "editor.chengdu").get("items").toString())
                .contains("Asked just before the crash", "Answered just before the crash");
        JsonNode declinedNow = read("/api/v1/exchanges/" + declined, "editor.chengdu");
        assertThat(declinedNow.get("state").asString()).isEqualTo("DECLINED");
        assertThat(declinedNow.get("version").asLong()).isEqualTo(declinedExchange.get("version").asLong());
        assertThat(JSON.readTree(app.send("POST", "/api/v1/exchanges", "editor.chengdu", requests.get(1)).body())
                .get("type").asString()).isEqualTo("urn:citystep:problem:exchange-declined-recently");
        assertThat(JSON.readTree(app.send("POST", "/api/v1/exchanges", "editor.chengdu", requests.get(0)).body())
                .get("type").asString()).isEqualTo("urn:citystep:problem:exchange-already-open");
        // the killed process still holds the fan-out lease: the restarted one takes it when it expires (1 minute)
        String chengduNotifications = await().atMost(Duration.ofSeconds(90)).until(
                () -> read("/api/v1/me/notifications?size=100", "editor.chengdu").toString(),
                all -> all.contains(declined) && all.contains(accepted));
        assertThat(chengduNotifications).contains("exchange.declined", "exchange.accepted");

        for (String city : cities.subList(0, EACH - 1)) { // the last one was retired
            assertThat(app.get("/api/v1/cities/" + city, "curator.demo").statusCode()).as(city).isEqualTo(200);
        }
        JsonNode amsterdam = read("/api/v1/cities/amsterdam", "curator.demo");
        assertThat(amsterdam.get("version").asLong()).isEqualTo(amsterdamVersion);
        assertThat(amsterdam.get("name").get("en").asString()).isEqualTo(lastName);
        for (String study : caseStudies) {
            assertThat(app.get("/api/v1/case-studies/" + study, "curator.demo").statusCode()).as(study).isEqualTo(200);
        }
        for (String expert : experts) {
            assertThat(app.get("/api/v1/experts/" + expert, "curator.demo").statusCode()).as(expert).isEqualTo(200);
        }
        for (String cluster : clusters) {
            assertThat(app.get("/api/v1/clusters/" + cluster, "curator.demo").statusCode()).as(cluster).isEqualTo(200);
        }
    }

    /** The draft of {@code city} from its current assessment, with every criterion of the next level of {@code characteristic} ticked. */
    private ObjectNode draftReaching(String city, String characteristic) throws Exception {
        ObjectNode current = (ObjectNode) read("/api/v1/cities/" + city + "/assessment", "curator.demo");
        JsonNode reference = read("/api/v1/reference", "curator.demo");
        String next = nextLevel(levelOf(current, characteristic));
        ArrayNode characteristics = current.withArray("characteristics");
        characteristics.forEach(entry -> {
            if (entry.get("characteristic").asString().equals(characteristic)) {
                ArrayNode met = ((ObjectNode) entry).withArray("criteriaMet");
                reference.get("characteristics").forEach(c -> {
                    if (c.get("code").asString().equals(characteristic)) {
                        c.get("criteria").forEach(criterion -> {
                            if (criterion.get("level").asString().equals(next)) {
                                met.add(criterion.get("code").asString());
                            }
                        });
                    }
                });
            }
        });
        ObjectNode draft = JSON.createObjectNode();
        draft.set("characteristics", characteristics);
        return draft;
    }

    private static String levelOf(JsonNode assessment, String characteristic) {
        return assessment.get("characteristics").valueStream()
                .filter(c -> c.get("characteristic").asString().equals(characteristic))
                .findFirst().orElseThrow().get("level").asString();
    }

    private static String nextLevel(String level) {
        List<String> staircase = List.of("NOT_YET_ADDRESSED", "BASIC", "AVERAGE", "MORE_ADVANCED", "STATE_OF_THE_ART");
        return staircase.get(Math.min(staircase.indexOf(level) + 1, staircase.size() - 1));
    }

    /** {@code method path} answered {@code status}; its body. */
    private JsonNode ack(String method, String path, String user, Object body, int status) throws Exception {
        HttpResponse<String> response = app.send(method, path, user, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private JsonNode uncheckedRead(String path, String user) {
        try {
            return read(path, user);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String path, String user) throws Exception {
        HttpResponse<String> response = app.get(path, user);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
