package org.citystep.expert.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.citystep.city.Region;
import org.citystep.expert.Availability;
import org.citystep.expert.Expert;
import org.citystep.expert.ExpertProfile;
import org.citystep.expert.ExpertStatus;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Expert", example = "{\"id\": \"li-wei\", \"version\": 1, \"name\": \"Li Wei\", \"affiliation\": "
        + "{\"en\": \"Tongji University\", \"zh\": \"同济大学\"}, \"country\": \"CN\", \"region\": \"CHINA\", "
        + "\"languages\": [\"zh\", \"en\"], \"expertise\": {\"characteristics\": [\"GOVERNANCE\"], "
        + "\"serviceDomains\": [\"OPEN_DATA\"]}, \"bio\": {\"en\": \"Urban informatics researcher.\"}, "
        + "\"availability\": \"AVAILABLE\", \"status\": \"APPROVED\", \"demo\": false, "
        + "\"createdAt\": \"2026-11-29T12:00:00Z\", \"updatedAt\": \"2026-11-29T12:00:00Z\"}")
record ExpertView(String id, long version, String name, Map<String, String> affiliation, String country,
        Region region, List<String> languages, ExpertProfile.Expertise expertise, Map<String, String> bio,
        Availability availability,
        @Schema(description = "Only for signed-in users") ExpertProfile.@Nullable Contact contact,
        ExpertStatus status, boolean demo, Instant createdAt, Instant updatedAt) {

    static ExpertView of(Expert expert, boolean withContact) {
        var p = expert.profile();
        return new ExpertView(expert.id(), expert.version(), p.name(), p.affiliation(), p.country(), p.region(),
                p.languages(), p.expertise(), p.bio(), p.availability(), withContact ? p.contact() : null,
                expert.status(), expert.demo(), expert.createdAt(), expert.updatedAt());
    }
}
