package org.citystep.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.citystep.shared.mongo.Leases;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The catch-up renews its lease with every batch of a long drain, and an instance that lost it
 * meanwhile (another instance took over) stops draining instead of working beside the new holder.
 */
class SearchCatchUpWorkerTest {

    @Test
    void aDrainStopsAfterTheBatchDuringWhichItsLeaseWasLost() {
        SearchIndexes indexes = mock(SearchIndexes.class);
        when(indexes.reachable()).thenReturn(Mono.empty());
        when(indexes.ensured()).thenReturn(Mono.empty());
        when(indexes.alias(anyString())).thenAnswer(call -> "test-" + call.getArgument(0));
        SearchDocuments documents = SearchDocuments.of("probe", SearchDocuments.Source.<SearchIndexer.Indexable>of(
                () -> Mono.just(0L), Flux::empty, since -> Flux.empty(),
                ids -> Flux.fromIterable(ids).map(id -> new SearchIndexer.Indexable(id, 1, Map.of()))), flux -> flux);
        SearchSources sources = mock(SearchSources.class);
        when(sources.of("probe")).thenReturn(Optional.of(documents));
        SearchIndexer indexer = mock(SearchIndexer.class);
        when(indexer.bulkReport(anyString(), anyBoolean(), anyList())).thenAnswer(call -> Mono.just(new SearchIndexer.BulkReport(
                ((List<SearchIndexer.Indexable>) call.getArgument(2)).stream().map(SearchIndexer.Indexable::id)
                        .collect(Collectors.toSet()), Map.of())));
        when(indexer.deleteAll(anyString(), anyCollection())).thenReturn(Mono.just(Set.of()));
        // a backlog of ten full batches
        AtomicInteger batchesRead = new AtomicInteger();
        SearchOutbox outbox = mock(SearchOutbox.class);
        when(outbox.deadLetterCount()).thenReturn(Mono.just(0L));
        when(outbox.due(anyInt())).thenAnswer(call -> Flux.defer(() -> batchesRead.incrementAndGet() > 10 ? Flux.empty()
                : Flux.fromStream(IntStream.range(0, SearchCatchUpWorker.BATCH).mapToObj(i -> new SearchOutbox.Due(
                        new PendingWrite("probe", "doc-" + batchesRead.get() + "-" + i, "t"), 0)))));
        when(outbox.settleAll(any(Collection.class))).thenReturn(Mono.empty());
        when(outbox.retryLater(any(Collection.class), anyString(), anyBoolean())).thenReturn(Mono.empty());
        when(outbox.retryLater(any(Collection.class), any(java.util.function.Function.class), anyBoolean())).thenReturn(Mono.empty());
        // held at the start of the round and renewed after the first batch; then another instance has it
        Leases leases = mock(Leases.class);
        when(leases.acquire(eq("search-catch-up"), any(Duration.class)))
                .thenReturn(Mono.just(true), Mono.just(true), Mono.just(false));
        SearchCatchUpWorker worker = new SearchCatchUpWorker(indexes, sources, indexer, outbox, leases,
                mock(ApplicationEventPublisher.class), new SimpleMeterRegistry(), Duration.ofSeconds(10));

        assertThat(worker.round().block()).isEqualTo(2L * SearchCatchUpWorker.BATCH);
        assertThat(batchesRead).hasValue(2);
    }
}
