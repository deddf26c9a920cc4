package org.citystep.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A full rebuild of the search indexes and how far it got; kept in MongoDB so that any instance
 * can report it.
 */
@Document("reindex_jobs")
@Schema(name = "ReindexJob", example = "{\"id\": \"20261129-120000-000\", \"state\": \"RUNNING\", \"trigger\": \"requested\", \"indexes\": [{\"name\": "
        + "\"cities\", \"newIndex\": \"citystep-cities-d7e77ed935-20261129-120000-100\", \"total\": 30, \"indexed\": 30, "
        + "\"done\": true}, {\"name\": \"case-studies\", \"total\": 44, \"indexed\": 12, \"done\": false}], "
        + "\"startedAt\": \"2026-11-29T12:00:00Z\"}")
public class ReindexJob {

    public enum State {
        RUNNING, DONE, FAILED
    }

    /**
     * @param newIndex the index being built; the alias moves to it when it is complete
     */
    public record Progress(String name, @Nullable String newIndex, long total, long indexed, boolean done) {
    }

    @Id
    private final String id;
    @Version
    private @Nullable Long version;
    private State state;
    private final List<Progress> indexes;
    /** Who or what started it: an admin's request, or the app itself (an index missing or on an old mapping). */
    private final @Nullable String trigger;
    private final Instant startedAt;
    private Instant heartbeatAt;
    private @Nullable Instant finishedAt;
    private @Nullable String error;

    ReindexJob(String id, @Nullable Long version, State state, List<Progress> indexes, @Nullable String trigger,
            Instant startedAt, @Nullable Instant heartbeatAt, @Nullable Instant finishedAt, @Nullable String error) {
        this.id = id;
        this.version = version;
        this.state = state;
        this.indexes = new ArrayList<>(indexes);
        this.trigger = trigger;
        this.startedAt = startedAt;
        this.heartbeatAt = heartbeatAt == null ? startedAt : heartbeatAt;
        this.finishedAt = finishedAt;
        this.error = error;
    }

    static ReindexJob start(String id, List<String> names, String trigger, Instant now) {
        return new ReindexJob(id, null, State.RUNNING,
                names.stream().map(name -> new Progress(name, null, 0, 0, false)).toList(), trigger, now, now, null, null);
    }

    void progress(Progress updated, Instant now) {
        indexes.replaceAll(p -> p.name().equals(updated.name()) ? updated : p);
        heartbeatAt = now;
    }

    void finish(Instant now) {
        state = State.DONE;
        finishedAt = now;
    }

    void fail(String reason, Instant now) {
        state = State.FAILED;
        error = reason;
        finishedAt = now;
    }

    public String getId() {
        return id;
    }

    public State getState() {
        return state;
    }

    public List<Progress> getIndexes() {
        return List.copyOf(indexes);
    }

    public @Nullable String getTrigger() {
        return trigger;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public @Nullable Instant getFinishedAt() {
        return finishedAt;
    }

    public @Nullable String getError() {
        return error;
    }
}
