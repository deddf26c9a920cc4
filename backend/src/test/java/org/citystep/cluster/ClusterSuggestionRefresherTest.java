package org.citystep.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.citystep.shared.mongo.Leases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class ClusterSuggestionRefresherTest {

    private final ClusterSuggestionService suggestions = mock(ClusterSuggestionService.class);
    private final Leases leases = mock(Leases.class);
    private final AtomicInteger recomputations = new AtomicInteger();
    private ClusterSuggestionRefresher refresher;

    private ClusterSuggestionRefresher started(Mono<SuggestionSet> eachRefresh) {
        when(suggestions.computed()).thenReturn(Mono.just(true));
        when(leases.acquire(anyString(), any())).thenReturn(Mono.just(true));
        when(leases.release(anyString())).thenReturn(Mono.empty());
        when(suggestions.refresh()).thenAnswer(call -> eachRefresh.doOnSubscribe(s -> recomputations.incrementAndGet()));
        refresher = new ClusterSuggestionRefresher(suggestions, leases,
                new ClusterProperties(Duration.ofMillis(200), 0.34, 6, 3), new SimpleMeterRegistry());
        refresher.start();
        return refresher;
    }

    @AfterEach
    void stop() {
        refresher.stop();
    }

    private static SuggestionSet set() {
        return new SuggestionSet("current", "g1", Instant.now(), 0.5, 10, 20, List.of(), null, 0);
    }

    @Test
    void onePublicationAnnouncedThreeTimesIsOneRecomputation() throws Exception {
        ClusterSuggestionRefresher refresher = started(Mono.fromSupplier(ClusterSuggestionRefresherTest::set));
        // a publication: the case study's event, then the read model indexing it twice (submitted, published)
        refresher.publishedCaseStudyChanged(new org.citystep.casestudy.PublishedCaseStudyChanged("study-1", "city-1"));
        refresher.readModelChanged(new org.citystep.search.ReadModelChanged(ClusterSuggestionService.CASE_STUDY_INDEX));
        refresher.readModelChanged(new org.citystep.search.ReadModelChanged(ClusterSuggestionService.CASE_STUDY_INDEX));

        await().atMost(Duration.ofSeconds(5)).until(() -> recomputations.get() == 1);
        Thread.sleep(1_000); // several debounce windows: the triggers left over were covered
        assertThat(recomputations).as("recomputations for one publication").hasValue(1);
    }

    @Test
    void aChangeWhileOneRunsLeadsToOneMore() throws Exception {
        Sinks.One<SuggestionSet> first = Sinks.one();
        AtomicInteger calls = new AtomicInteger();
        ClusterSuggestionRefresher refresher = started(Mono.defer(() -> calls.incrementAndGet() == 1
                ? first.asMono() : Mono.just(set())));
        refresher.publishedCaseStudyChanged(new org.citystep.casestudy.PublishedCaseStudyChanged("study-1", "city-1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> recomputations.get() == 1);

        // a change after the running one started is not covered by it
        refresher.publishedCaseStudyChanged(new org.citystep.casestudy.PublishedCaseStudyChanged("study-2", "city-1"));
        Thread.sleep(500);
        first.tryEmitValue(set());
        // after nine times the half second the first took
        await().atMost(Duration.ofSeconds(20)).until(() -> recomputations.get() == 2);
        Thread.sleep(1_000);
        assertThat(recomputations).hasValue(2);
    }
}
