package org.citystep.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.citystep.support.AppProcess;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken while the app runs, more writes, a restore: the app then holds exactly what the
 * backup held, and search is rebuilt from it (the later city is found no more).
 */
class BackupRestoreIT {

    private final String prefix = "citystep-test-backup-" + UUID.randomUUID();
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
        // the marker goes once the rebuild has completed, its replay included (a little after the alias moved)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(data.resolve("mongodb").resolve(BackupTool.REBUILD_MARKER)).as("the rebuild took the marker")
                        .doesNotExist());
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
        assertThat(app.send("POST", "/api/v1/cities", "curator.demo", Map.of("id", id, "name", Map.of("en", name),
                "country", "NL", "region", "EU")).statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return app.get(path, "curator.demo");
    }
}
