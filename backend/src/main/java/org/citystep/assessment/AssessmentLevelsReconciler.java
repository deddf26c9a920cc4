package org.citystep.assessment;

import java.time.Duration;

import org.citystep.shared.mongo.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Completes, at start-up and then every few minutes, any validation whose levels did not reach the
 * city profile (the second of two writes failed), and puts the review queue right after a failed
 * queue write. Finds the former by an indexed flag. With several
 * app instances, one of them does it in each period.
 */
@Component
class AssessmentLevelsReconciler {

    private static final Logger log = LoggerFactory.getLogger(AssessmentLevelsReconciler.class);
    private static final Duration PERIOD = Duration.ofMinutes(5);

    /** With several app instances, the one holding it reconciles for all in that period. */
    private static final String LEASE = "assessment-levels-reconciler";

    private final AssessmentService assessments;
    private final Leases leases;
    private Disposable running = Flux.<Long>empty().subscribe();

    AssessmentLevelsReconciler(AssessmentService assessments, Leases leases) {
        this.assessments = assessments;
        this.leases = leases;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = Flux.interval(Duration.ZERO, PERIOD)
                .onBackpressureDrop()
                .concatMap(tick -> leases.acquire(LEASE, PERIOD.minusSeconds(10))
                        .flatMap(held -> held ? assessments.reconcileLevels()
                                .flatMap(adopted -> assessments.reconcileReviewQueue().thenReturn(adopted))
                                : reactor.core.publisher.Mono.just(0L))
                        .onErrorResume(failure -> {
                            log.warn("Level reconciliation failed, next try in {}: {}", PERIOD, failure.toString());
                            return reactor.core.publisher.Mono.just(0L);
                        }))
                .filter(completed -> completed > 0)
                .subscribe(completed -> log.info("Handed the levels of {} validated assessments to their cities", completed));
    }

    @PreDestroy
    void stop() {
        running.dispose();
    }
}
