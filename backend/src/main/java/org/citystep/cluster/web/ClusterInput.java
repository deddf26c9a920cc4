package org.citystep.cluster.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.cluster.ClusterContent;
import org.citystep.city.CityProfile;
import org.citystep.reference.Characteristic;
import org.citystep.reference.ServiceDomain;
import org.citystep.shared.validation.HasText;
import org.citystep.shared.validation.NoMarkup;
import org.citystep.shared.validation.PlainText;
import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A cluster as clients send it: on {@code POST} a proposal (with its lead city and invited cities),
 * on {@code PUT} the content changed, with the {@code version} read. Status and members change through
 * their own endpoints.
 */
@Schema(name = "ClusterInput", example = "{\"name\": {\"en\": \"Open data for mobility\", \"zh\": \"交通开放数据\"}, "
        + "\"purpose\": {\"en\": \"Publish and reuse mobility data together.\"}, \"topic\": {\"serviceDomains\": "
        + "[\"OPEN_DATA\", \"TRANSPORTATION\"], \"characteristics\": [\"ICT_INFRASTRUCTURE\"], \"keywords\": [\"GTFS\"]}, "
        + "\"leadCityId\": \"amsterdam\", \"invitedCityIds\": [\"barcelona\"]}")
record ClusterInput(
        @Nullable @Slug String id,
        @Schema(description = "Required on PUT") @Nullable @PositiveOrZero Long version,
        @NotEmpty @HasText @Size(max = 10) Map<@Pattern(regexp = CityProfile.LANGUAGE_TAG) String, @NotBlank @Size(max = 200) @PlainText String> name,
        @Nullable @Size(max = 10) Map<@Pattern(regexp = CityProfile.LANGUAGE_TAG) String, @NotBlank @Size(max = 2000) @NoMarkup String> purpose,
        @Nullable @Valid TopicInput topic,
        @Schema(description = "POST only: the city that leads it; a city editor's own city") @Nullable @Slug String leadCityId,
        @Schema(description = "POST only: cities invited to join") @Nullable @Size(max = 199) List<@NotNull @Slug String> invitedCityIds,
        @Schema(description = "Published case studies it builds on") @Nullable @Size(max = 50) List<@NotNull @Slug String> caseStudyIds,
        @Schema(description = "Approved experts it works with") @Nullable @Size(max = 20) List<@NotNull @Slug String> expertIds) {

    @Schema(name = "ClusterTopic")
    record TopicInput(@Nullable @Size(max = 16) Set<@NotNull ServiceDomain> serviceDomains,
            @Nullable @Size(max = 9) Set<@NotNull Characteristic> characteristics,
            @Nullable @Size(max = 20) List<@NotBlank @Size(max = 60) @PlainText String> keywords) {
    }

    ClusterContent content() {
        ClusterContent.Topic theTopic = topic == null ? null
                : new ClusterContent.Topic(topic.serviceDomains(), topic.characteristics(), topic.keywords());
        return new ClusterContent(name, purpose, theTopic, distinct(caseStudyIds), distinct(expertIds));
    }

    List<String> invited() {
        return distinct(invitedCityIds);
    }

    private static List<String> distinct(@Nullable List<String> ids) {
        return ids == null ? List.of() : ids.stream().distinct().toList();
    }
}
