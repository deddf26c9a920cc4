package org.citystep.cluster.web;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.citystep.city.City;
import org.citystep.city.CityService;
import org.citystep.cluster.Cluster;
import org.citystep.cluster.ClusterFilter;
import org.citystep.cluster.ClusterService;
import org.citystep.cluster.ClusterStatus;
import org.citystep.cluster.ClusterSuggestionService;
import org.citystep.cluster.SuggestionPage;
import org.citystep.reference.ServiceDomain;
import org.citystep.security.CurrentUser;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.validation.Slug;
import org.citystep.shared.web.Replacements;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/clusters")
@Tag(name = "Clusters", description = "Cities working together on shared interests, and suggested groupings")
class ClusterController {

    private final ClusterService clusters;
    private final ClusterSuggestionService suggestions;
    private final CityService cities;

    ClusterController(ClusterService clusters, ClusterSuggestionService suggestions, CityService cities) {
        this.clusters = clusters;
        this.suggestions = suggestions;
        this.cities = cities;
    }

    @Schema(name = "ClusterStep", example = "{\"version\": 2}")
    record Step(@NotNull @PositiveOrZero Long version) {
    }

    @Schema(name = "ClusterMembership", example = "{\"cityId\": \"amsterdam\"}")
    record Membership(@NotNull @Slug String cityId) {
    }

    @Schema(name = "SuggestionAcceptance", example = "{\"leadCityId\": \"amsterdam\", \"invitedCityIds\": [\"barcelona\"]}")
    record Acceptance(@Nullable @Slug String leadCityId,
            @Schema(description = "The suggested cities to invite; all of them when absent")
            @Nullable @Size(max = Cluster.MAX_CITIES) List<@NotNull @Slug String> invitedCityIds) {
    }

    @Schema(name = "ClusterInvitations", example = "{\"version\": 2, \"cityIds\": [\"barcelona\", \"chengdu\"]}")
    record Invitations(@NotNull @PositiveOrZero Long version,
            @NotNull @Size(max = Cluster.MAX_CITIES) List<@NotNull @Slug String> cityIds) {
    }

    @GetMapping
    @Operation(summary = "Clusters a page at a time, latest change first",
            description = "Active and closed ones for everyone; proposed ones for curators and the cities they name.")
    Mono<PageResponse<ClusterView>> list(@RequestParam(required = false) @Nullable ClusterStatus status,
            @RequestParam(required = false) @Nullable @Slug String cityId,
            @RequestParam(required = false) @Nullable ServiceDomain serviceDomain,
            @Valid @ParameterObject PageParams page, CurrentUser user) {
        return clusters.list(new ClusterFilter(status, cityId, serviceDomain), page, user)
                .flatMap(result -> names(result.items()).map(names -> result.map(cluster -> ClusterView.of(cluster, names))));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Suggested clusters of cities working on similar things",
            description = "Leiden community detection (CWTS) on a graph linking each city to its most similar ones by "
                    + "service domains and case-study technologies, each link weighted by the similarity. Recomputed "
                    + "in the background after cities' interests or published case studies change (debounced), never "
                    + "per request; a page always comes from one complete set. Each suggestion has its members, shared "
                    + "topics, a cohesion score and reasons in English and Chinese. `existingClusterId` names an open "
                    + "cluster that already covers it, if the caller may see that cluster. `computedAt` is absent until "
                    + "suggestions were first computed.")
    Mono<SuggestionPage> suggestions(@Valid @ParameterObject PageParams page, CurrentUser user) {
        return suggestions.page(page, user);
    }

    @PostMapping("/suggestions/{suggestionId}/accept")
    @Operation(summary = "Propose the suggested cluster, for curator approval (city editors of a suggested city, curators)",
            description = "A city editor's own city leads it and the other suggested cities are invited. 404 when the "
                    + "suggestion is no longer current; 409 when an open cluster already brings the cities together.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ResponseEntity<ClusterView>> accept(
            @PathVariable @Pattern(regexp = "s-[0-9a-f]{16}") String suggestionId,
            @Valid @RequestBody(required = false) @Nullable Acceptance acceptance, CurrentUser user) {
        return suggestions.accept(suggestionId, acceptance == null ? null : acceptance.leadCityId(),
                        acceptance == null ? null : acceptance.invitedCityIds(), user)
                .flatMap(this::view).map(this::created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One cluster; a proposed one only for curators and the cities it names")
    Mono<ClusterView> get(@PathVariable @Slug String id, CurrentUser user) {
        return clusters.get(id, user).flatMap(this::view);
    }

    @PostMapping
    @Operation(summary = "Propose a cluster (city editors for their own city as lead, curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ResponseEntity<ClusterView>> propose(@Valid @RequestBody ClusterInput input, CurrentUser user) {
        return clusters.propose(input.id(), input.content(), input.leadCityId(), input.invited(), user)
                .flatMap(this::view).map(this::created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit what the cluster is about (the lead city's editors, curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ClusterView> edit(@PathVariable @Slug String id, @Valid @RequestBody ClusterInput input, CurrentUser user) {
        var refused = Replacements.problem(id, input.id(), input.version());
        if (refused.isPresent()) {
            return Mono.error(refused.get());
        }
        return clusters.edit(id, input.version(), input.content(), user).flatMap(this::view);
    }

    @PutMapping("/{id}/invitations")
    @Operation(summary = "Replace the cities invited to the cluster (the lead city's editors, curators, admins)",
            description = "Send every city that should stay or become invited, with the version you read; cities "
                    + "left out are uninvited. Members are not affected. A stale version answers 409.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ClusterView> invitations(@PathVariable @Slug String id, @Valid @RequestBody Invitations invitations,
            CurrentUser user) {
        return clusters.invitations(id, invitations.version(), invitations.cityIds(), user).flatMap(this::view);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a proposed cluster: it becomes active (curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ClusterView> approve(@PathVariable @Slug String id, @Valid @RequestBody Step step, CurrentUser user) {
        return clusters.approve(id, step.version(), user).flatMap(this::view);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a cluster (the lead city's editors, curators, admins)",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ClusterView> close(@PathVariable @Slug String id, @Valid @RequestBody Step step, CurrentUser user) {
        return clusters.close(id, step.version(), user).flatMap(this::view);
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "A city joins (its own editors; curators for any city)",
            description = "An active cluster is open to every city; a proposed one to the cities it invited.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ClusterView> join(@PathVariable @Slug String id, @Valid @RequestBody Membership membership, CurrentUser user) {
        return clusters.join(id, membership.cityId(), user).flatMap(this::view);
    }

    @DeleteMapping("/{id}/members/{cityId}")
    @Operation(summary = "A city leaves, or declines its invitation (its own editors; curators for any city)",
            description = "When the lead leaves, the longest-standing member leads.",
            security = @SecurityRequirement(name = "bearer"))
    Mono<ClusterView> leave(@PathVariable @Slug String id, @PathVariable @Slug String cityId, CurrentUser user) {
        return clusters.leave(id, cityId, user).flatMap(this::view);
    }

    private ResponseEntity<ClusterView> created(ClusterView view) {
        return ResponseEntity.created(URI.create("/api/v1/clusters/" + view.id())).body(view);
    }

    private Mono<ClusterView> view(Cluster cluster) {
        return names(List.of(cluster)).map(names -> ClusterView.of(cluster, names));
    }

    /** The names of every city the clusters name, in one query. */
    private Mono<Map<String, Map<String, String>>> names(Collection<Cluster> list) {
        Set<String> ids = list.stream().flatMap(cluster -> cluster.cityIds().stream()).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return cities.getAll(ids).collectMap(City::id, city -> city.profile().name());
    }
}
