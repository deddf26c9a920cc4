package org.citystep.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.citystep.shared.mongo.BackupTool;
import org.jspecify.annotations.Nullable;
import org.citystep.shared.mongo.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * After {@code ./citystep restore}, the search indexes hold what was written after the backup: the
 * first app instance to start rebuilds them from the restored MongoDB (searches answer from the old
 * ones until the new ones are complete) and removes the marker the restore left once that rebuild
 * has completed. The leases the
 * backup holds belong to processes that no longer exist: they are released first.
 */
@Component
class RebuildAfterRestore {

    private static final Logger log = LoggerFactory.getLogger(RebuildAfterRestore.class);

    private final SearchRebuilds rebuilds;
    private final Leases leases;
    private final @Nullable Path marker;
    private Disposable waiting = Mono.empty().subscribe();

    RebuildAfterRestore(SearchRebuilds rebuilds, Leases leases,
            @Value("${citystep.mongodb.embedded.data-dir:}") String dataDir) {
        this.rebuilds = rebuilds;
        this.leases = leases;
        this.marker = StringUtils.hasText(dataDir) ? Path.of(dataDir, BackupTool.REBUILD_MARKER) : null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfRestored() {
        Path restored = marker;
        if (restored == null || !Files.exists(restored)) {
            return;
        }
        log.info("The data was restored from a backup: rebuilding the search indexes from it");
        // the restored leases belong to the processes that ran when the backup was taken
        waiting = leases.releaseAllAfterRestore()
                .doOnNext(released -> log.info("Released {} leases restored from the backup", released))
                .then(Mono.defer(rebuilds::startAndAwait)
                        // the marker goes only once the rebuild completed: after a crash or a failure
                        // midway it stays, and the next start (or the next try) rebuilds again
                        .flatMap(job -> job.getState() == ReindexJob.State.DONE ? Mono.just("rebuild " + job.getId() + " done")
                                : Mono.error(new IllegalStateException("Rebuild " + job.getId() + " failed: " + job.getError())))
                        // one that runs already may cover only some indexes: wait for it, then rebuild all
                        .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(2)).maxBackoff(Duration.ofMinutes(1))))
                .publishOn(Schedulers.boundedElastic())
                .subscribe(outcome -> {
                    log.info("After the restore: {}", outcome);
                    try {
                        Files.deleteIfExists(restored);
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @PreDestroy
    void stop() {
        waiting.dispose();
    }
}
