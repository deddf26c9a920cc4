package org.citystep.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.citystep.support.AppProcess;
import org.citystep.support.KeycloakTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/**
 * A backup taken while the app runs, more writes, a restore: the app then holds exactly what the
 * backup held, and search is rebuilt from it (the later city is found no more).
 */
class BackupRestoreIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String prefix = "citystep-test-backup-" + UUID.randomUUID();
    private AppProcess app;

    @TempDir
    Path work;

    @AfterEach
    void stopAndCleanUp() throws Exception {
        if (app != null) {
            app.close();
        }
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + System.getenv().getOrDefault("ES_PORT", "9200") + "/" + prefix + "-*")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void afterARestoreTheAppAndItsSearchHoldExactlyWhatTheBackupHeld() throws Exception {
        Path data = Files.createDirectories(work.resolve("app"));
        app = AppProcess.start(data, prefix, Map.of());
        createCity("kept-town", "Keptborough");
        Path backup = work.resolve("backup");
        BackupTool.backup(app.mongoPort(), data.resolve("mongodb/citystep.mv"), backup);
        createCity("later-town", "Laterborough");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(get("/api/v1/search?type=city&q=Laterborough").body()).contains("later-town"));

        app.stop();
        BackupTool.restore(app.mongoPort(), data.resolve("mongodb/citystep.mv"), backup);
        app.restart();

        assertThat(get("/api/v1/cities/kept-town").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/cities/later-town").statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("/api/v1/search?type=city&q=Laterborough").body()).doesNotContain("later-town");
            assertThat(get("/api/v1/search?type=city&q=Keptborough").body()).contains("kept-town");
        });
        assertThat(data.resolve("mongodb").resolve(BackupTool.REBUILD_MARKER)).as("the rebuild took the marker")
                .doesNotExist();
    }

    @Test
    void aRestoreRefusesWhileTheAppRuns() throws Exception {
        Path data = Files.createDirectories(work.resolve("app"));
        app = AppProcess.start(data, prefix, Map.of());
        Path backup = work.resolve("backup");
        BackupTool.backup(app.mongoPort(), data.resolve("mongodb/citystep.mv"), backup);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        BackupTool.restore(app.mongoPort(), data.resolve("mongodb/citystep.mv"), backup))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stop the app first");
        assertThat(get("/api/v1/cities/amsterdam").statusCode()).isEqualTo(200);
    }

    private void createCity(String id, String name) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/cities")))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken("curator.demo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("id", id,
                        "name", Map.of("en", name), "country", "NL", "region", "EU")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken("curator.demo")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
