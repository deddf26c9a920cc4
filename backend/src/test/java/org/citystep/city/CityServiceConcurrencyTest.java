package org.citystep.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Two editors saving the same version at once: exactly one wins, the other gets a 409. */
@WithoutElasticsearch
class CityServiceConcurrencyTest {

    private static final CurrentUser CURATOR = new CurrentUser("c", "curator.demo", Set.of(Role.CURATOR),
            Optional.empty(), Optional.empty());

    @Autowired
    CityService service;

    @Test
    void concurrentEditsOfTheSameVersionLetExactlyOneWin() {
        CityProfile original = CityProfile.of(Map.of("en", "Eindhoven"), "NL", Region.EU, 235_000L);
        Mono<List<Object>> outcomes = service.create("eindhoven", original, CURATOR)
                .thenMany(Flux.range(1, 8)
                        .flatMap(i -> service.update("eindhoven", 0, CityProfile.of(Map.of("en", "Eindhoven " + i),
                                        "NL", Region.EU, 235_000L + i), CURATOR)
                                .<Object>map(City::version)
                                .onErrorResume(org.springframework.web.ErrorResponseException.class, e -> Mono.just(e.getStatusCode().value()))
                                .onErrorResume(org.springframework.dao.OptimisticLockingFailureException.class,
                                        e -> Mono.just(409))
                                .subscribeOn(Schedulers.parallel())))
                .collectList();

        StepVerifier.create(outcomes)
                .assertNext(results -> {
                    assertThat(results).filteredOn(r -> r.equals(1L)).hasSize(1);
                    assertThat(results).filteredOn(r -> r.equals(409)).hasSize(7);
                })
                .verifyComplete();

        StepVerifier.create(service.get("eindhoven"))
                .assertNext(city -> assertThat(city.version()).isEqualTo(1))
                .verifyComplete();
    }
}
