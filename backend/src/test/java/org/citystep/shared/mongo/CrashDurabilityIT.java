package org.citystep.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citystep.support.AppProcess;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing acknowledged is lost in a crash: the packaged app runs as its own process on the
 * file-backed embedded MongoDB, answers writes of every kind, is killed with SIGKILL the moment the
 * last answer arrives, and after a restart every one of them is there. (Before writes were committed
 * per acknowledgement, 49 of 50 new cities were gone after such a kill.)
 */
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

        app.kill();
        app.restart();

        for (String city : cities) {
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

    private JsonNode read(String path, String user) throws Exception {
        HttpResponse<String> response = app.get(path, user);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
