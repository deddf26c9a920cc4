package org.citystep.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.citystep.shared.mongo.BackupTool;
import org.citystep.shared.mongo.Leases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * After a restore the search indexes are rebuilt, and the marker that asks for it stays until that
 * rebuild has completed: a crash midway (or a failed rebuild) leaves it, so the next start redoes it.
 */
class RebuildAfterRestoreTest {

    @TempDir
    Path dataDir;

    @Test
    void theMarkerStaysUntilTheRebuildCompleted() throws Exception {
        Path marker = Files.writeString(dataDir.resolve(BackupTool.REBUILD_MARKER), "restored");
        ReindexJob job = ReindexJob.start("job-1", List.of("cities"), "requested", Instant.now());
        Sinks.One<ReindexJob> ended = Sinks.one();
        SearchRebuilds rebuilds = mock(SearchRebuilds.class);
        when(rebuilds.start()).thenReturn(Mono.just(job)); // started, not done
        when(rebuilds.startAndAwait()).thenReturn(ended.asMono());
        Leases leases = mock(Leases.class);
        when(leases.releaseAllAfterRestore()).thenReturn(Mono.just(0L));
        RebuildAfterRestore afterRestore = new RebuildAfterRestore(rebuilds, leases, dataDir.toString());

        afterRestore.rebuildIfRestored();
        // the rebuild runs: were the app killed now, the next start must rebuild again
        Thread.sleep(500);
        assertThat(marker).exists();

        job.finish(Instant.now());
        ended.tryEmitValue(job);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(marker).doesNotExist());
        afterRestore.stop();
    }

    @Test
    void aFailedRebuildKeepsTheMarkerAndIsTriedAgain() throws Exception {
        Path marker = Files.writeString(dataDir.resolve(BackupTool.REBUILD_MARKER), "restored");
        ReindexJob failed = ReindexJob.start("job-1", List.of("cities"), "requested", Instant.now());
        failed.fail("injected", Instant.now());
        ReindexJob done = ReindexJob.start("job-2", List.of("cities"), "requested", Instant.now());
        done.finish(Instant.now());
        SearchRebuilds rebuilds = mock(SearchRebuilds.class);
        when(rebuilds.start()).thenReturn(Mono.just(failed));
        when(rebuilds.startAndAwait()).thenReturn(Mono.just(failed), Mono.just(done));
        Leases leases = mock(Leases.class);
        when(leases.releaseAllAfterRestore()).thenReturn(Mono.just(0L));
        RebuildAfterRestore afterRestore = new RebuildAfterRestore(rebuilds, leases, dataDir.toString());

        afterRestore.rebuildIfRestored();
        Thread.sleep(500);
        assertThat(marker).exists();
        // the second try, after the backoff, completes
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(marker).doesNotExist());
        afterRestore.stop();
    }
}
