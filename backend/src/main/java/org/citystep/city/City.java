package org.citystep.city;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A city: one MongoDB document; its {@code version} guards against lost updates. */
@Document("cities")
public class City {

    @Id
    private final String id;
    @Version
    private @Nullable Long version;
    private CityProfile profile;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    City(String id, @Nullable Long version, CityProfile profile, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.profile = profile;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static City create(String id, CityProfile profile, Instant now) {
        return new City(id, null, profile, now, now);
    }

    void update(CityProfile changed, Instant now) {
        this.profile = changed;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    /** 0 once created; one more with every saved change. */
    public long version() {
        return version == null ? 0 : version;
    }

    public CityProfile profile() {
        return profile;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
