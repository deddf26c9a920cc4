package org.citystep.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.citystep.shared.problem.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A cluster of cities: one MongoDB document, versioned; its state changes are methods here. */
@Document("clusters")
@CompoundIndex(name = "status_members", def = "{'status': 1, 'members.cityId': 1}")
@CompoundIndex(name = "status_invited", def = "{'status': 1, 'invitedCityIds': 1}")
@CompoundIndex(name = "status_domains", def = "{'status': 1, 'content.topic.serviceDomains': 1}")
public class Cluster {

    /** Members and invitations together; a cluster is a working group, not a directory. */
    public static final int MAX_CITIES = 200;

    @Id
    private final String id;
    @Version
    private @Nullable Long version;
    private ClusterContent content;
    private ClusterStatus status;
    private List<ClusterMember> members;
    private List<String> invitedCityIds;
    private final ClusterOrigin origin;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Cluster(String id, @Nullable Long version, ClusterContent content, ClusterStatus status,
            @Nullable List<ClusterMember> members, @Nullable List<String> invitedCityIds, ClusterOrigin origin,
            Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.content = content;
        this.status = status;
        this.members = members == null ? new ArrayList<>() : new ArrayList<>(members);
        this.invitedCityIds = invitedCityIds == null ? new ArrayList<>() : new ArrayList<>(invitedCityIds);
        this.origin = origin;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A proposed cluster led by {@code leadCityId} (if any), inviting the other cities. */
    static Cluster propose(String id, ClusterContent content, @Nullable String leadCityId, List<String> invited,
            ClusterOrigin origin, Instant now) {
        List<ClusterMember> members = leadCityId == null ? List.of()
                : List.of(new ClusterMember(leadCityId, ClusterMember.Role.LEAD, now));
        List<String> others = invited.stream().filter(city -> !city.equals(leadCityId)).distinct().toList();
        return new Cluster(id, null, content, ClusterStatus.PROPOSED, members, others, origin, now, now);
    }

    void edit(ClusterContent changed, Instant now) {
        requireOpen("edited");
        this.content = changed;
        this.updatedAt = now;
    }

    void approve(Instant now) {
        if (status != ClusterStatus.PROPOSED) {
            throw ApiException.conflict("cluster.approveNotProposed", id, new org.citystep.shared.i18n.MessageRef("cluster.status." + status.name()));
        }
        this.status = ClusterStatus.ACTIVE;
        this.updatedAt = now;
    }

    void close(Instant now) {
        requireOpen("closed");
        this.status = ClusterStatus.CLOSED;
        this.updatedAt = now;
    }

    /** Adds the city as a member; an active cluster is open to all, a proposed one to the cities it invited. */
    void join(String cityId, boolean byCurator, Instant now) {
        requireOpen("joined");
        if (isMember(cityId)) {
            throw ApiException.conflict("cluster.memberAlready", cityId, id);
        }
        if (status == ClusterStatus.PROPOSED && !invitedCityIds.contains(cityId) && !byCurator) {
            throw ApiException.forbidden("cluster.invitedOnly", id);
        }
        if (members.size() + invitedCityIds.size() >= MAX_CITIES && !invitedCityIds.contains(cityId)) {
            throw ApiException.conflict("cluster.full", id, MAX_CITIES);
        }
        invitedCityIds.remove(cityId);
        members.add(new ClusterMember(cityId, members.isEmpty() ? ClusterMember.Role.LEAD : ClusterMember.Role.MEMBER,
                now));
        this.updatedAt = now;
    }

    /** Removes the city; a leaving lead hands the lead to the longest-standing member. */
    void leave(String cityId, Instant now) {
        requireOpen("left");
        Optional<ClusterMember> leaving = members.stream().filter(m -> m.cityId().equals(cityId)).findFirst();
        if (leaving.isEmpty()) {
            if (invitedCityIds.remove(cityId)) {
                this.updatedAt = now; // declining an invitation
                return;
            }
            throw new ApiException(org.citystep.shared.problem.ProblemType.NOT_FOUND, "cluster.notMember", cityId, id);
        }
        members.remove(leaving.get());
        if (leaving.get().role() == ClusterMember.Role.LEAD && !members.isEmpty()) {
            ClusterMember next = members.stream().min(Comparator.comparing(ClusterMember::joinedAt)).orElseThrow();
            members.set(members.indexOf(next), new ClusterMember(next.cityId(), ClusterMember.Role.LEAD, next.joinedAt()));
        }
        this.updatedAt = now;
    }

    /**
     * Replaces the invitations with {@code wanted} (members are left out: they joined already).
     * Returns the cities newly invited.
     */
    List<String> invite(List<String> wanted, Instant now) {
        requireOpen("edited");
        List<String> next = wanted.stream().distinct().filter(city -> !isMember(city)).toList();
        if (members.size() + next.size() > MAX_CITIES) {
            throw ApiException.conflict("cluster.full", id, MAX_CITIES);
        }
        List<String> added = next.stream().filter(city -> !invitedCityIds.contains(city)).toList();
        this.invitedCityIds = new ArrayList<>(next);
        this.updatedAt = now;
        return added;
    }

    /**
     * Removes the city from the cluster whatever its status (the city is being deleted); a removed lead
     * hands the lead to the longest-standing member. Emits whether the cluster named it.
     */
    boolean forget(String cityId, Instant now) {
        boolean invited = invitedCityIds.remove(cityId);
        Optional<ClusterMember> member = members.stream().filter(m -> m.cityId().equals(cityId)).findFirst();
        member.ifPresent(leaving -> {
            members.remove(leaving);
            if (leaving.role() == ClusterMember.Role.LEAD && !members.isEmpty()) {
                ClusterMember next = members.stream().min(Comparator.comparing(ClusterMember::joinedAt)).orElseThrow();
                members.set(members.indexOf(next), new ClusterMember(next.cityId(), ClusterMember.Role.LEAD,
                        next.joinedAt()));
            }
        });
        if (invited || member.isPresent()) {
            this.updatedAt = now;
            return true;
        }
        return false;
    }

    private void requireOpen(String action) {
        if (status == ClusterStatus.CLOSED) {
            throw ApiException.conflict("cluster.closed", id, new org.citystep.shared.i18n.MessageRef("cluster.action." + action));
        }
    }

    public boolean isMember(String cityId) {
        return members.stream().anyMatch(m -> m.cityId().equals(cityId));
    }

    public boolean isLead(String cityId) {
        return members.stream().anyMatch(m -> m.cityId().equals(cityId) && m.role() == ClusterMember.Role.LEAD);
    }

    /** Every city the cluster names: members and invited. */
    public Set<String> cityIds() {
        Set<String> all = new java.util.LinkedHashSet<>();
        members.forEach(m -> all.add(m.cityId()));
        all.addAll(invitedCityIds);
        return all;
    }

    public String id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public ClusterContent content() {
        return content;
    }

    public ClusterStatus status() {
        return status;
    }

    public List<ClusterMember> members() {
        return List.copyOf(members);
    }

    public List<String> invitedCityIds() {
        return List.copyOf(invitedCityIds);
    }

    public ClusterOrigin origin() {
        return origin;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
