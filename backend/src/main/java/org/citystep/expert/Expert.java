package org.citystep.expert;

import java.time.Instant;

import org.citystep.shared.problem.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** An expert of the database: one MongoDB document, versioned. */
@Document("experts")
@CompoundIndex(name = "status_characteristics", def = "{'status': 1, 'profile.expertise.characteristics': 1}")
@CompoundIndex(name = "status_domains", def = "{'status': 1, 'profile.expertise.serviceDomains': 1}")
@CompoundIndex(name = "status_languages", def = "{'status': 1, 'profile.languages': 1}")
public class Expert {

    @Id
    private final String id;
    @Version
    private @Nullable Long version;
    private ExpertProfile profile;
    private ExpertStatus status;
    private final boolean demo;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Expert(String id, @Nullable Long version, ExpertProfile profile, ExpertStatus status, boolean demo,
            Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.profile = profile;
        this.status = status;
        this.demo = demo;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Expert propose(String id, ExpertProfile profile, boolean demo, Instant now) {
        return new Expert(id, null, profile, ExpertStatus.PROPOSED, demo, now, now);
    }

    void update(ExpertProfile changed, Instant now) {
        this.profile = changed;
        this.updatedAt = now;
    }

    void approve(Instant now) {
        if (status == ExpertStatus.APPROVED) {
            throw ApiException.conflict("expert.approvedAlready", id);
        }
        if (status == ExpertStatus.RETIRED) {
            throw ApiException.conflict("expert.retiredNoApproval", id);
        }
        this.status = ExpertStatus.APPROVED;
        this.updatedAt = now;
    }

    /** Takes the expert out of search, matching and review; the record stays. */
    void retire(Instant now) {
        if (status == ExpertStatus.RETIRED) {
            throw ApiException.conflict("expert.retiredAlready", id);
        }
        this.status = ExpertStatus.RETIRED;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public ExpertProfile profile() {
        return profile;
    }

    public ExpertStatus status() {
        return status;
    }

    public boolean demo() {
        return demo;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
