package org.citystep.city;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A city: one MongoDB document; its {@code version} guards against lost updates. It also carries the
 * maturity levels of its current validated self-assessment, so cities can be found by level with an
 * indexed query.
 */
@Document("cities")
@CompoundIndex(name = "region_country", def = "{'profile.region': 1, 'profile.country': 1}")
@CompoundIndex(name = "interests", def = "{'profile.interests': 1}")
@CompoundIndex(name = "updated", def = "{'updatedAt': -1}")
@CompoundIndex(name = "level_strategy", def = "{'levels.STRATEGY': 1, 'profile.region': 1}")
@CompoundIndex(name = "level_stakeholders", def = "{'levels.STAKEHOLDERS': 1, 'profile.region': 1}")
@CompoundIndex(name = "level_governance", def = "{'levels.GOVERNANCE': 1, 'profile.region': 1}")
@CompoundIndex(name = "level_funding", def = "{'levels.FUNDING': 1, 'profile.region': 1}")
@CompoundIndex(name = "level_value_assessment", def = "{'levels.VALUE_ASSESSMENT': 1, 'profile.region': 1}")
@CompoundIndex(name = "level_business_models", def = "{'levels.BUSINESS_MODELS': 1, 'profile.region': 1}")
@CompoundIndex(name = "level_ict_infrastructure", def = "{'levels.ICT_INFRASTRUCTURE': 1, 'profile.region': 1}")
@CompoundIndex(name = "level_services", def = "{'levels.SERVICES': 1, 'profile.region': 1}")
public class City {

    @Id
    private final String id;
    @Version
    private @Nullable Long version;
    private CityProfile profile;
    private final boolean demo;
    private Map<Characteristic, MaturityLevel> levels;
    private @Nullable LocalDate assessedAt;
    private int assessmentRound;
    private final Instant createdAt;
    private Instant updatedAt;
    /** Absent while the city is shown; set by {@link CityService#retire} and {@link CityService#markDeleting}. */
    private @Nullable CityState state;

    @PersistenceCreator
    City(String id, @Nullable Long version, CityProfile profile, boolean demo,
            @Nullable Map<Characteristic, MaturityLevel> levels, @Nullable LocalDate assessedAt, int assessmentRound,
            Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.profile = profile;
        this.demo = demo;
        this.levels = levels == null ? notAssessed() : new EnumMap<>(levels);
        this.assessedAt = assessedAt;
        this.assessmentRound = assessmentRound;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static City create(String id, CityProfile profile, boolean demo, Instant now) {
        return new City(id, null, profile, demo, null, null, 0, now, now);
    }

    static Map<Characteristic, MaturityLevel> notAssessed() {
        Map<Characteristic, MaturityLevel> levels = new EnumMap<>(Characteristic.class);
        Characteristic.ratedOnes().forEach(c -> levels.put(c, MaturityLevel.NOT_ASSESSED));
        return levels;
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

    /** Demo data seeded for trying CityStep out, not an official profile. */
    public boolean demo() {
        return demo;
    }

    /** The level of each rated characteristic in the current validated self-assessment. */
    public Map<Characteristic, MaturityLevel> levels() {
        return Map.copyOf(levels);
    }

    public @Nullable LocalDate assessedAt() {
        return assessedAt;
    }

    /** The round of the validated self-assessment whose levels the city carries; 0 before any. */
    public int assessmentRound() {
        return assessmentRound;
    }

    /** Retired or being deleted; {@code null} while shown. */
    public @Nullable CityState state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
