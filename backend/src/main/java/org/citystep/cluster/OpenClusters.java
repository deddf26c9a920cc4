package org.citystep.cluster;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This instance's copy of the open clusters (proposed or active), which the cluster suggestions page
 * compares every suggestion with. Read from MongoDB, the embedded server scanned every cluster at
 * each page; the copy is read again only when the revision counter that every cluster write
 * increments has moved (one read by id per page), and at least every {@link #MAX_AGE}: a writer
 * that stopped between its write and the increment would otherwise leave other instances behind.
 */
@Component
class OpenClusters {

    static final String REVISIONS = "cluster_revision";
    static final String ID = "clusters";
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private record Copy(long revision, List<Cluster> open, long readAtNanos) {
    }

    private final ReactiveMongoTemplate template;
    private final AtomicReference<@Nullable Mono<Copy>> current = new AtomicReference<>();

    OpenClusters(ReactiveMongoTemplate template) {
        this.template = template;
    }

    /** The open clusters that name any of {@code cityIds}, as member or invited. */
    Flux<Cluster> naming(Collection<String> cityIds) {
        Set<String> named = Set.copyOf(cityIds);
        return copy().flatMapIterable(copy -> copy.open().stream()
                .filter(cluster -> cluster.cityIds().stream().anyMatch(named::contains)).toList());
    }

    /** Records that the clusters changed: every instance reads its copy again at its next use. */
    Mono<Long> changed() {
        return template.findAndModify(Query.query(where("_id").is(ID)), new Update().inc("value", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, REVISIONS)
                .map(OpenClusters::valueOf);
    }

    private Mono<Copy> copy() {
        return revision().flatMap(revision -> {
            Mono<Copy> held = current.get();
            if (held == null) {
                return reload(null, revision);
            }
            return held.flatMap(copy -> copy.revision() == revision
                    && System.nanoTime() - copy.readAtNanos() < MAX_AGE.toNanos() ? Mono.just(copy)
                    : reload(held, revision));
        });
    }

    /** One read for all requests that find the copy out of date at once; a failed read is not kept. */
    private Mono<Copy> reload(@Nullable Mono<Copy> seen, long revision) {
        Mono<Copy> next = template.find(Query.query(where("status").in(ClusterStatus.PROPOSED, ClusterStatus.ACTIVE)),
                        Cluster.class)
                .collectList()
                .map(open -> new Copy(revision, List.copyOf(open), System.nanoTime()))
                .cache(copy -> Duration.ofDays(365), failure -> Duration.ZERO, () -> Duration.ZERO);
        if (current.compareAndSet(seen, next)) {
            return next;
        }
        Mono<Copy> other = current.get();
        return other != null ? other : next;
    }

    private Mono<Long> revision() {
        return template.findById(ID, Document.class, REVISIONS).map(OpenClusters::valueOf).defaultIfEmpty(0L);
    }

    private static long valueOf(Document revision) {
        Object value = revision.get("value");
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
