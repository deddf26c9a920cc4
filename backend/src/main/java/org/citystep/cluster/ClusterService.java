package org.citystep.cluster;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.casestudy.CaseStudyService;
import org.citystep.city.City;
import org.citystep.city.CityService;
import org.citystep.expert.ExpertService;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.citystep.shared.validation.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Clusters and who may do what with them. A city's editors act for their own city only (propose it
 * as lead, join, leave); the lead city's editors edit and close; curators and admins do everything,
 * and alone approve. Proposed clusters are seen by curators and the cities they name.
 */
@Service
public class ClusterService {

    private final Clusters clusters;
    private final ReactiveMongoTemplate template;
    private final CityService cities;
    private final CaseStudyService caseStudies;
    private final ExpertService experts;
    private final Clock clock;
    private final AuditLog audit;
    private final OpenClusters openClusters;

    ClusterService(Clusters clusters, ReactiveMongoTemplate template, CityService cities, CaseStudyService caseStudies,
            ExpertService experts, Clock clock, AuditLog audit, OpenClusters openClusters) {
        this.audit = audit;
        this.openClusters = openClusters;
        this.clusters = clusters;
        this.template = template;
        this.cities = cities;
        this.caseStudies = caseStudies;
        this.experts = experts;
        this.clock = clock;
    }

    public Mono<PageResponse<Cluster>> list(ClusterFilter filter, PageParams page, CurrentUser user) {
        List<Criteria> criteria = new ArrayList<>();
        if (!isCurator(user)) {
            Criteria open = where("status").in(ClusterStatus.ACTIVE, ClusterStatus.CLOSED);
            criteria.add(user.has(Role.CITY_EDITOR) && user.cityId().isPresent()
                    ? new Criteria().orOperator(open, where("members.cityId").is(user.cityId().get()),
                            where("invitedCityIds").is(user.cityId().get()))
                    : open);
        }
        if (filter.status() != null) {
            criteria.add(where("status").is(filter.status()));
        }
        if (filter.cityId() != null) {
            criteria.add(new Criteria().orOperator(where("members.cityId").is(filter.cityId()),
                    where("invitedCityIds").is(filter.cityId())));
        }
        if (filter.serviceDomain() != null) {
            criteria.add(where("content.topic.serviceDomains").is(filter.serviceDomain()));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        return Mono.zip(template.find(Query.of(query).with(page.toPageRequest(Sort.by(Sort.Direction.DESC, "updatedAt")
                                .and(Sort.by("_id")))), Cluster.class).collectList(),
                        template.count(Query.of(query), Cluster.class))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /**
     * Every active cluster, or those changed after {@code since}, in bounded memory: what the
     * open-data export streams.
     */
    public Flux<Cluster> active(java.time.@Nullable Instant since) {
        Criteria active = where("status").is(ClusterStatus.ACTIVE);
        return org.citystep.shared.mongo.IdBatches.matching(template,
                Query.query(since == null ? active : active.and("updatedAt").gt(since)), Cluster.class, 500);
    }

    public Mono<Cluster> get(String id, CurrentUser user) {
        return clusters.findById(id)
                .filter(cluster -> maySee(cluster, user))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("cluster", id)));
    }

    /**
     * The open clusters (proposed or active) that name any of the given cities, from this instance's
     * copy of the open clusters ({@link OpenClusters}), not a scan of the collection per call.
     */
    Flux<Cluster> openNaming(Collection<String> cityIds) {
        return openClusters.naming(cityIds);
    }

    /**
     * Whether both cities are members of one active cluster (exchanges between them may be about any
     * step); read from this instance's copy of the open clusters, not a scan.
     */
    public Mono<Boolean> shareActiveCluster(String cityId, String otherCityId) {
        return openClusters.naming(List.of(cityId))
                .any(cluster -> cluster.status() == ClusterStatus.ACTIVE && cluster.isMember(cityId)
                        && cluster.isMember(otherCityId));
    }

    /** A cluster write is counted once it succeeded, so every instance's copy of the open clusters is read again. */
    private Mono<Cluster> counted(Cluster saved) {
        return openClusters.changed().thenReturn(saved);
    }

    /**
     * Proposes a cluster. A city editor proposes it for its own city, which leads it; a curator may
     * name a lead city or none.
     */
    public Mono<Cluster> propose(@Nullable String requestedId, ClusterContent content, @Nullable String leadCityId,
            List<String> invitedCityIds, CurrentUser user) {
        return propose(requestedId, content, leadCityId, invitedCityIds, user, null);
    }

    Mono<Cluster> propose(@Nullable String requestedId, ClusterContent content, @Nullable String leadCityId,
            List<String> invitedCityIds, CurrentUser user, @Nullable ClusterOrigin fromSuggestion) {
        if (!isCurator(user)) {
            if (leadCityId == null) {
                return Mono.error(ApiException.invalid("cluster.leadRequired",
                        List.of(Problems.FieldMessage.of("leadCityId", "field.ownCity"))));
            }
            if (!user.mayEditCity(leadCityId)) {
                return Mono.error(ApiException.forbidden("cluster.proposeOwnOnly", leadCityId));
            }
        }
        String id = requestedId != null ? requestedId : Slugs.of(content.name().getOrDefault("en", content.name().getOrDefault("zh", "")));
        if (id.length() < 2 || id.equals("suggestions")) {
            return Mono.error(ApiException.invalid("cluster.noDerivableId",
                    List.of(Problems.FieldMessage.of("id", "cluster.idRule"))));
        }
        Set<String> named = new LinkedHashSet<>(invitedCityIds);
        if (leadCityId != null) {
            named.add(leadCityId);
        }
        if (named.size() > Cluster.MAX_CITIES) {
            return Mono.error(ApiException.invalid("cluster.tooManyCities", List.of(Problems.FieldMessage.of(
                    "invitedCityIds", "field.atMostCities", Cluster.MAX_CITIES))));
        }
        ClusterOrigin origin = fromSuggestion != null ? fromSuggestion : new ClusterOrigin(
                isCurator(user) ? ClusterOrigin.Kind.CURATOR : ClusterOrigin.Kind.CITY, user.username(), null, null, List.of());
        return checkReferences(content, named)
                .then(Mono.defer(() -> clusters.insert(Cluster.propose(id, content, leadCityId, invitedCityIds, origin,
                        clock.instant()))))
                .flatMap(this::counted)
                .onErrorMap(DuplicateKeyException.class,
                        e -> ApiException.conflict("problem.exists", new org.citystep.shared.i18n.MessageRef("resource.cluster"), id))
                .flatMap(saved -> audit.record(user, event("cluster.created", null, saved)
                                .withDetails(Map.of("cityIds", String.join(",", saved.cityIds()))))
                        .then(saved.invitedCityIds().isEmpty() ? Mono.empty()
                                : audit.record(user, event("cluster.invited", null, saved)
                                        .withDetails(Map.of("cityIds", String.join(",", saved.invitedCityIds())))))
                        .thenReturn(saved));
    }

    /**
     * Replaces the cities invited to the cluster (the lead city's editors, curators, admins), if it is
     * still at {@code version}. Members stay members; invited cities must exist.
     */
    public Mono<Cluster> invitations(String id, long version, List<String> cityIds, CurrentUser user) {
        List<String> wanted = cityIds.stream().distinct().toList();
        if (wanted.size() > Cluster.MAX_CITIES) {
            return Mono.error(ApiException.invalid("cluster.tooManyCities", List.of(Problems.FieldMessage.of(
                    "cityIds", "field.atMostCities", Cluster.MAX_CITIES))));
        }
        List<List<String>> added = new ArrayList<>();
        List<String> before = new ArrayList<>();
        return missing(cities.getAll(wanted).map(City::id), wanted, "cityIds", "cluster.noSuchCity")
                .flatMap(errors -> errors.isEmpty() ? Mono.<Void>empty()
                        : Mono.error(ApiException.invalid("cluster.missingReferences", errors)))
                .then(change(id, version, user, Access.LEAD, cluster -> {
                    before.addAll(cluster.invitedCityIds());
                    added.add(cluster.invite(wanted, clock.instant()));
                }, saved -> {
                    List<String> newly = added.get(0);
                    List<String> removed = before.stream().filter(city -> !saved.invitedCityIds().contains(city)).toList();
                    AuditEvent event = event(newly.isEmpty() ? "cluster.updated" : "cluster.invited", version, saved)
                            .withDetails(Map.of("cityIds", String.join(",", newly),
                                    "uninvitedCityIds", String.join(",", removed)));
                    return event;
                }));
    }

    /** Replaces what the cluster is about (the lead city's editors, curators, admins). */
    public Mono<Cluster> edit(String id, long version, ClusterContent content, CurrentUser user) {
        return checkReferences(content, Set.of())
                .then(change(id, version, user, Access.LEAD, cluster -> cluster.edit(content, clock.instant()),
                        saved -> event("cluster.updated", version, saved)));
    }

    public Mono<Cluster> approve(String id, long version, CurrentUser user) {
        return change(id, version, user, Access.CURATOR, cluster -> cluster.approve(clock.instant()),
                saved -> event("cluster.approved", version, saved)
                        .withDetails(Map.of("cityIds", String.join(",", saved.cityIds()))));
    }

    public Mono<Cluster> close(String id, long version, CurrentUser user) {
        return change(id, version, user, Access.LEAD, cluster -> cluster.close(clock.instant()),
                saved -> event("cluster.closed", version, saved)
                        .withDetails(Map.of("cityIds", String.join(",", saved.cityIds()))));
    }

    /**
     * The city joins (its own editors; curators for any city). Membership changes commute, so a
     * concurrent change is retried on the new version instead of asking the caller to.
     */
    public Mono<Cluster> join(String id, String cityId, CurrentUser user) {
        if (!user.mayEditCity(cityId)) {
            return Mono.error(ApiException.forbidden("cluster.joinOwnOnly", cityId));
        }
        return cities.get(cityId).then(membership(id, user, cluster -> cluster.join(cityId, isCurator(user), clock.instant()),
                (before, saved) -> new AuditEvent("cluster.memberJoined", "cluster", saved.id(), cityId, before,
                        saved.version(), Map.of("cityIds", others(saved, cityId), "memberCityId", cityId), null)));
    }

    /** The city leaves, or declines its invitation (its own editors; curators for any city). */
    public Mono<Cluster> leave(String id, String cityId, CurrentUser user) {
        if (!user.mayEditCity(cityId)) {
            return Mono.error(ApiException.forbidden("cluster.leaveOwnOnly", cityId));
        }
        return membership(id, user, cluster -> cluster.leave(cityId, clock.instant()),
                (before, saved) -> new AuditEvent("cluster.memberLeft", "cluster", saved.id(), cityId, before,
                        saved.version(), Map.of("cityIds", others(saved, cityId), "memberCityId", cityId), null));
    }

    /** The members other than {@code cityId}, comma-separated: the cities told of its joining or leaving. */
    private static String others(Cluster cluster, String cityId) {
        return String.join(",", cluster.members().stream().map(ClusterMember::cityId)
                .filter(city -> !city.equals(cityId)).toList());
    }

    private static AuditEvent event(String action, @Nullable Long versionBefore, Cluster saved) {
        String lead = saved.members().stream().filter(m -> m.role() == ClusterMember.Role.LEAD)
                .map(ClusterMember::cityId).findFirst().orElse(null);
        return AuditEvent.of(action, "cluster", saved.id(), lead, versionBefore, saved.version());
    }

    private Mono<Cluster> membership(String id, CurrentUser user, Consumer<Cluster> change,
            java.util.function.BiFunction<Long, Cluster, AuditEvent> entry) {
        return Mono.defer(() -> get(id, user).flatMap(cluster -> {
                    long before = cluster.version();
                    change.accept(cluster);
                    return clusters.save(cluster).flatMap(this::counted).flatMap(saved -> audit.record(user, entry.apply(before, saved))
                            .thenReturn(saved));
                }))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(20))
                        .filter(OptimisticLockingFailureException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> ApiException.conflict(
                                "cluster.busy", id)));
    }

    /**
     * Removes the city from every cluster that names it, as member or invited (the city is being
     * deleted); idempotent. Emits how many clusters changed.
     */
    public Mono<Long> removeCity(String cityId) {
        Query naming = Query.query(new Criteria().orOperator(where("members.cityId").is(cityId),
                where("invitedCityIds").is(cityId)));
        return template.find(naming, Cluster.class)
                .concatMap(found -> Mono.defer(() -> clusters.findById(found.id()).flatMap(cluster -> {
                            long before = cluster.version();
                            if (!cluster.forget(cityId, clock.instant())) {
                                return Mono.<Cluster>empty();
                            }
                            return clusters.save(cluster).flatMap(this::counted).flatMap(saved -> audit.recordSystem(new AuditEvent(
                                    "cluster.memberLeft", "cluster", saved.id(), cityId, before, saved.version(),
                                    Map.of("cityIds", others(saved, cityId), "memberCityId", cityId), "city deleted"))
                                    .thenReturn(saved));
                        }))
                        .retryWhen(Retry.backoff(3, Duration.ofMillis(20))
                                .filter(OptimisticLockingFailureException.class::isInstance)))
                .count();
    }

    private enum Access {
        LEAD, CURATOR
    }

    private Mono<Cluster> change(String id, long version, CurrentUser user, Access access, Consumer<Cluster> change,
            java.util.function.Function<Cluster, AuditEvent> entry) {
        return get(id, user).flatMap(cluster -> {
            boolean allowed = isCurator(user) || (access == Access.LEAD && leadsIt(cluster, user));
            if (!allowed) {
                return Mono.error(access == Access.CURATOR
                        ? ApiException.forbidden("cluster.approveCuratorsOnly")
                        : ApiException.forbidden("cluster.changeForbidden", id));
            }
            if (cluster.version() != version) {
                return Mono.error(ApiException.staleVersion("cluster", id, version, cluster.version()));
            }
            change.accept(cluster);
            return clusters.save(cluster)
                    .onErrorMap(OptimisticLockingFailureException.class,
                            e -> ApiException.staleVersion("cluster", id, version, version + 1))
                    .flatMap(this::counted)
                    .flatMap(saved -> audit.record(user, entry.apply(saved)).thenReturn(saved));
        });
    }

    /** Named cities must exist; linked case studies must be published and experts approved. */
    private Mono<Void> checkReferences(ClusterContent content, Collection<String> cityIds) {
        Mono<List<Problems.FieldMessage>> missingCities = missing(cities.getAll(cityIds).map(City::id), cityIds,
                "invitedCityIds", "cluster.noSuchCity");
        Mono<List<Problems.FieldMessage>> missingStudies = missing(caseStudies.publishedIds(content.caseStudyIds()),
                content.caseStudyIds(), "caseStudyIds", "cluster.noSuchCaseStudy");
        Mono<List<Problems.FieldMessage>> missingExperts = missing(experts.approvedIds(content.expertIds()),
                content.expertIds(), "expertIds", "cluster.noSuchExpert");
        return Mono.zip(missingCities, missingStudies, missingExperts).flatMap(found -> {
            List<Problems.FieldMessage> errors = new ArrayList<>(found.getT1());
            errors.addAll(found.getT2());
            errors.addAll(found.getT3());
            return errors.isEmpty() ? Mono.empty()
                    : Mono.error(ApiException.invalid("cluster.missingReferences", errors));
        });
    }

    private static Mono<List<Problems.FieldMessage>> missing(Flux<String> found, Collection<String> wanted,
            String field, String code) {
        if (wanted.isEmpty()) {
            return Mono.just(List.of());
        }
        return found.collect(HashSet<String>::new, Set::add).map(present -> wanted.stream()
                .filter(id -> !present.contains(id)).distinct()
                .map(id -> Problems.FieldMessage.of(field, code, id)).toList());
    }

    static boolean maySee(Cluster cluster, CurrentUser user) {
        return cluster.status() != ClusterStatus.PROPOSED || isCurator(user)
                || (user.has(Role.CITY_EDITOR) && user.cityId().filter(cluster.cityIds()::contains).isPresent());
    }

    private static boolean leadsIt(Cluster cluster, CurrentUser user) {
        return user.has(Role.CITY_EDITOR) && user.cityId().filter(cluster::isLead).isPresent();
    }

    static boolean isCurator(CurrentUser user) {
        return user.has(Role.CURATOR) || user.has(Role.ADMIN);
    }
}
