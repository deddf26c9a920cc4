package org.citystep.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.casestudy.CaseStudy;
import org.citystep.casestudy.CaseStudyService;
import org.citystep.shared.mongo.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Once a month, on the instance holding its lease, records {@code reverification.due} for every
 * city with published case studies due for re-verification; the fan-out tells the city's editors and
 * the curators. Idempotent per city and month: a marker {@code reverification:<month>:<city>} is
 * written before the entry (a crash between the two loses that city's reminder for the month rather
 * than doubling it), and {@code reverification:<month>} once every city is done. A background scan
 * in batches; memory holds the due cities and up to {@value #IDS_PER_CITY} ids each.
 */
@Component
class ReverificationReminders {

    private static final Logger log = LoggerFactory.getLogger(ReverificationReminders.class);
    static final String LEASE = "reverification-reminders";
    static final String MARKERS = "notificationJobs";
    static final int IDS_PER_CITY = 20;

    private final CaseStudyService studies;
    private final AuditLog audit;
    private final ReactiveMongoTemplate template;
    private final Leases leases;
    private final Clock clock;
    private final NotificationProperties.Reverification settings;
    private Disposable running = Flux.<Long>empty().subscribe();

    ReverificationReminders(CaseStudyService studies, AuditLog audit, ReactiveMongoTemplate template, Leases leases,
            Clock clock, NotificationProperties properties) {
        this.studies = studies;
        this.audit = audit;
        this.template = template;
        this.leases = leases;
        this.clock = clock;
        this.settings = properties.reverification();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.enabled()) {
            return;
        }
        running = Flux.interval(Duration.ofSeconds(30), settings.check())
                .onBackpressureDrop()
                .concatMap(tick -> runMonthly().onErrorResume(failure -> {
                    log.warn("Re-verification reminders failed: {}", failure.toString());
                    return Mono.just(0L);
                }))
                .subscribe();
    }

    @PreDestroy
    void stop() {
        running.dispose();
    }

    /** This month's reminders, unless done already; emits how many cities were reminded now. */
    Mono<Long> runMonthly() {
        String month = YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
        String done = "reverification:" + month;
        return leases.acquire(LEASE, Duration.ofMinutes(30))
                .filter(Boolean::booleanValue)
                .flatMap(held -> template.exists(Query.query(where("_id").is(done)), MARKERS))
                .filter(exists -> !exists)
                .flatMap(notYet -> remind(month))
                .flatMap(reminded -> template.save(new Document("_id", done).append("at", java.util.Date.from(clock.instant())),
                        MARKERS).thenReturn(reminded))
                .defaultIfEmpty(0L);
    }

    private Mono<Long> remind(String month) {
        return studies.publishedDueForReverification()
                .reduce(new TreeMap<String, List<String>>(), (byCity, study) -> add(byCity, study))
                .flatMapMany(byCity -> Flux.fromIterable(byCity.entrySet()))
                .concatMap(city -> remindCity(month, city))
                .reduce(0L, Long::sum);
    }

    private static TreeMap<String, List<String>> add(TreeMap<String, List<String>> byCity, CaseStudy study) {
        List<String> ids = byCity.computeIfAbsent(study.cityId(), city -> new ArrayList<>());
        if (ids.size() < IDS_PER_CITY) {
            ids.add(study.id());
        }
        return byCity;
    }

    private Mono<Long> remindCity(String month, Map.Entry<String, List<String>> city) {
        Document marker = new Document("_id", "reverification:" + month + ":" + city.getKey())
                .append("at", java.util.Date.from(clock.instant()));
        return template.insert(marker, MARKERS)
                .then(audit.recordSystem(AuditEvent.of("reverification.due", "city", city.getKey(), city.getKey(),
                        null, null).withDetails(Map.of("caseStudyIds", String.join(",", city.getValue()),
                        "month", month))))
                .thenReturn(1L)
                .onErrorResume(DuplicateKeyException.class, remindedAlready -> Mono.just(0L));
    }
}
