package org.citystep.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.citystep.audit.AuditLog;
import org.citystep.audit.AuditRecord;
import org.citystep.search.SearchIndexer;
import org.citystep.search.SearchOutbox;
import org.citystep.shared.mongo.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes each new audit entry once, in the order they were marked, on the one instance holding the
 * lease: indexes it in the audit read model, delivers its notifications ({@link NotificationRules})
 * and mails them to subscribers, then clears its pending mark. The mark is the durable cursor: after
 * a crash the entry is taken again, and delivery is idempotent by entry id, so nothing is lost or
 * doubled (an e-mail goes out only for a delivery that added the notification).
 */
@Component
class FanOutWorker {

    private static final Logger log = LoggerFactory.getLogger(FanOutWorker.class);
    static final String LEASE = "notifications-fan-out";
    static final int BATCH = 100;

    private final AuditLog audit;
    private final Inboxes inboxes;
    private final SearchOutbox outbox;
    private final SearchIndexer indexer;
    private final Leases leases;
    private final NotificationMailer mailer;
    private final Clock clock;
    private final Duration interval;
    private Disposable running = Flux.<Long>empty().subscribe();

    FanOutWorker(AuditLog audit, Inboxes inboxes, SearchOutbox outbox, SearchIndexer indexer, Leases leases,
            NotificationMailer mailer, Clock clock, NotificationProperties properties) {
        this.audit = audit;
        this.inboxes = inboxes;
        this.outbox = outbox;
        this.indexer = indexer;
        this.leases = leases;
        this.mailer = mailer;
        this.clock = clock;
        this.interval = properties.fanOutInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> round().onErrorResume(failure -> {
                    log.warn("Notification fan-out round failed: {}", failure.toString());
                    return Mono.just(0L);
                }))
                .subscribe();
    }

    @PreDestroy
    void stop() {
        running.dispose();
    }

    /** One round on the lease holder: batch after batch until no entry is pending. */
    Mono<Long> round() {
        Duration lease = interval.multipliedBy(30).compareTo(Duration.ofMinutes(1)) > 0 ? interval.multipliedBy(30)
                : Duration.ofMinutes(1);
        return leases.acquire(LEASE, lease).flatMap(held -> held ? drain(0) : Mono.just(0L));
    }

    private Mono<Long> drain(long sofar) {
        return audit.pending(BATCH).collectList().flatMap(pending -> pending.isEmpty() ? Mono.just(sofar)
                : audit.byIds(pending.stream().map(AuditLog.Pending::id).toList())
                        .collectMap(AuditRecord::id, Function.identity())
                        .flatMap(found -> Flux.fromIterable(pending)
                                .concatMap(mark -> take(mark, found))
                                .reduce(0L, Long::sum))
                        .flatMap(done -> pending.size() == BATCH && done > 0 ? drain(sofar + done)
                                : Mono.just(sofar + done)));
    }

    private Mono<Long> take(AuditLog.Pending mark, Map<String, AuditRecord> found) {
        AuditRecord entry = found.get(mark.id());
        if (entry == null) {
            // marked, but its writer has not written it yet, or died before it did
            return mark.markedAt().isBefore(clock.instant().minus(AuditLog.WRITE_GRACE))
                    ? audit.taken(mark.id()).thenReturn(0L) : Mono.just(0L);
        }
        return outbox.add(AuditSearchDocument.INDEX, entry.id())
                .flatMap(pending -> indexer.indexAndSettle(pending, AuditSearchDocument.VERSION,
                                AuditSearchDocument.of(entry))
                        .onErrorResume(failure -> Mono.just(false)))
                .then(deliver(entry))
                .then(audit.taken(entry.id()))
                .thenReturn(1L);
    }

    private Mono<Void> deliver(AuditRecord entry) {
        List<Delivery> deliveries = NotificationRules.deliveries(entry);
        return Flux.fromIterable(deliveries)
                .concatMap(delivery -> inboxes.deliver(delivery.audience(), new Inboxes.Item(entry.id(), entry.at(),
                                clock.instant(), entry.action(), delivery.code(), delivery.args(), delivery.link()))
                        .filter(Boolean::booleanValue)
                        .map(added -> delivery))
                .collectList()
                .flatMap(added -> added.isEmpty() ? Mono.empty() : mailer.send(entry, added))
                .then();
    }
}
