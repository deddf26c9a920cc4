package org.citystep.cityremoval;

import java.util.Map;

import org.citystep.assessment.AssessmentService;
import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.casestudy.CaseStudyService;
import org.citystep.city.City;
import org.citystep.city.CityService;
import org.citystep.city.CityState;
import org.citystep.cluster.ClusterService;
import org.citystep.security.CurrentUser;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Retires, restores and deletes cities (admins). Retiring hides a city everywhere and keeps it;
 * deleting marks it first (hidden at once), then removes its cluster places, case studies (and their
 * search documents, through the search outbox), self-assessments, and last the city itself. Each
 * step is idempotent, so {@link CityDeletionWorker} can run the whole removal again after a stop.
 */
@Service
public class CityRemovalService {

    private static final Logger log = LoggerFactory.getLogger(CityRemovalService.class);

    private final CityService cities;
    private final ClusterService clusters;
    private final CaseStudyService caseStudies;
    private final AssessmentService assessments;
    private final AuditLog audit;

    CityRemovalService(CityService cities, ClusterService clusters, CaseStudyService caseStudies,
            AssessmentService assessments, AuditLog audit) {
        this.cities = cities;
        this.clusters = clusters;
        this.caseStudies = caseStudies;
        this.assessments = assessments;
        this.audit = audit;
    }

    public Mono<City> retire(String id, long version, CurrentUser user) {
        return cities.retire(id, version, user).flatMap(city -> audit.record(user,
                AuditEvent.of("city.retired", "city", id, id, version, city.version())).thenReturn(city));
    }

    public Mono<City> restore(String id, long version, CurrentUser user) {
        return cities.restore(id, version, user).flatMap(city -> audit.record(user,
                AuditEvent.of("city.updated", "city", id, id, version, city.version())
                        .withDetails(Map.of("restored", "true"))).thenReturn(city));
    }

    /**
     * Deletes the city and what depends on it; {@code confirmation} must repeat its id. Emits whether
     * the removal finished now; when not, the city stays hidden and the worker finishes it.
     */
    public Mono<Boolean> delete(String id, String confirmation, CurrentUser user) {
        if (!id.equals(confirmation)) {
            return Mono.error(ApiException.invalid("city.deleteConfirmation",
                    java.util.List.of(Problems.FieldMessage.of("confirm", "city.deleteConfirmationField"))));
        }
        return cities.markDeleting(id, user)
                .flatMap(city -> audit.record(user, AuditEvent.of("city.deleted", "city", id, id, city.version(), null))
                        .thenReturn(city))
                .flatMap(city -> purge(id).thenReturn(true)
                        .onErrorResume(failure -> {
                            log.warn("Deletion of city {} stopped; the deletion worker finishes it: {}", id,
                                    failure.toString());
                            return Mono.just(false);
                        }));
    }

    /** Removes what depends on a city being deleted, then the city itself; safe to run again. */
    Mono<Void> purge(String id) {
        return cities.get(id)
                .onErrorResume(ApiException.class, gone -> Mono.empty()) // deleted meanwhile: nothing left to do
                .filter(city -> city.state() == CityState.DELETING)
                .flatMap(city -> clusters.removeCity(id)
                        .then(caseStudies.deleteAllOfCity(id))
                        .then(assessments.deleteAllOfCity(id))
                        .then(cities.finishDeletion(id)))
                .then();
    }
}
