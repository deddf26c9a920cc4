package org.citystep.shared.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * At most {@code running} requests of one kind at once, and at most {@code waiting} more waiting in
 * arrival order for at most {@code maxWait}. A request beyond that is refused at once: the queue is
 * short enough that nothing waits longer than a client would, and memory stays bounded. Waiting
 * holds no thread.
 *
 * <p>A request is also refused at once when its turn would predictably come too late: the budget
 * keeps a moving average of how long a place is held, and a newcomer that would be the n-th in line
 * expects to wait about {@code n × average ÷ running}. Beyond half of {@code maxWait} (hold times
 * vary: the margin keeps the queued ones from timing out) it gets its 503 now instead of after
 * waiting {@code maxWait} for it; those that are queued are nearly always served.
 */
final class ConcurrencyBudget {

    /** The queue is full, or the wait took too long. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A place to run; {@link #release()} may be called any number of times, it frees the place once. */
    final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile long grantedAt;

        void release() {
            if (released.compareAndSet(false, true)) {
                recordHeld(nanoTime.getAsLong() - grantedAt);
                handOver();
            }
        }

        private Permit granted() {
            grantedAt = nanoTime.getAsLong();
            return this;
        }
    }

    private static final int WAITING = 0;
    private static final int GRANTED = 1;
    private static final int GAVE_UP = 2;

    private final class Waiter {
        final MonoSink<Permit> sink;
        final Permit permit = new Permit();
        final AtomicInteger state = new AtomicInteger(WAITING);

        Waiter(MonoSink<Permit> sink) {
            this.sink = sink;
        }
    }

    private final int maxRunning;
    private final int maxWaiting;
    private final Duration maxWait;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private int running;
    /** Moving average of how long a place is held, in nanoseconds; 0 until one was released. */
    private double averageHeldNanos;

    ConcurrencyBudget(int running, int waiting, Duration maxWait) {
        this(running, waiting, maxWait, System::nanoTime);
    }

    ConcurrencyBudget(int running, int waiting, Duration maxWait, LongSupplier nanoTime) {
        if (running < 1 || waiting < 0) {
            throw new IllegalArgumentException("a budget needs at least one running place and no negative queue");
        }
        this.maxRunning = running;
        this.maxWaiting = waiting;
        this.maxWait = maxWait;
        this.nanoTime = nanoTime;
    }

    /**
     * Runs {@code work} once a place is free, now or after waiting its turn, and frees the place when
     * it ends, fails or is cancelled ({@code work} may free it earlier). Fails with {@link Refused} when
     * the queue is full or the wait too long.
     */
    <T> Mono<T> within(Function<Permit, Mono<T>> work) {
        return acquire()
                .flatMap(permit -> work.apply(permit).doFinally(signal -> permit.release()))
                // a permit handed over just as the caller went away is dropped by the operators: free it
                .doOnDiscard(Permit.class, Permit::release);
    }

    private Mono<Permit> acquire() {
        return Mono.create(sink -> {
            Waiter waiter;
            synchronized (lock) {
                if (running < maxRunning) {
                    running++;
                    waiter = null;
                } else if (queue.size() >= maxWaiting) {
                    sink.error(new Refused("full"));
                    return;
                } else if (expectedWaitNanos(queue.size() + 1) > maxWait.toNanos() / 2) {
                    sink.error(new Refused("would wait about " + expectedWaitNanos(queue.size() + 1) / 1_000_000 + " ms"));
                    return;
                } else {
                    waiter = new Waiter(sink);
                    queue.addLast(waiter);
                }
            }
            if (waiter == null) {
                sink.success(new Permit().granted());
                return;
            }
            // no timeout operator: one that fires as the place is handed over would drop the permit
            Disposable timer = Schedulers.parallel().schedule(() -> {
                if (waiter.state.compareAndSet(WAITING, GAVE_UP)) {
                    dequeue(waiter);
                    sink.error(new Refused("waited " + maxWait.toMillis() + " ms"));
                }
            }, maxWait.toMillis(), TimeUnit.MILLISECONDS);
            sink.onCancel(() -> giveUp(waiter));
            sink.onDispose(timer);
        });
    }

    int running() {
        synchronized (lock) {
            return running;
        }
    }

    int waiting() {
        synchronized (lock) {
            return queue.size();
        }
    }

    private void dequeue(Waiter waiter) {
        synchronized (lock) {
            queue.remove(waiter);
        }
    }

    private void giveUp(Waiter waiter) {
        if (waiter.state.compareAndSet(WAITING, GAVE_UP)) {
            dequeue(waiter);
        } else if (waiter.state.get() == GRANTED) {
            // its turn came as it gave up: the place it was handed goes to the next one
            waiter.permit.release();
        }
    }

    /** A freed place goes to the longest waiting request that still waits, or back to the budget. */
    private void handOver() {
        Waiter next;
        synchronized (lock) {
            do {
                next = queue.pollFirst();
            } while (next != null && !next.state.compareAndSet(WAITING, GRANTED));
            if (next == null) {
                running--;
                return;
            }
        }
        next.sink.success(next.permit.granted());
    }

    /** How long the n-th in line can expect to wait: n places must be freed, {@code maxRunning} at a time. */
    private long expectedWaitNanos(int placeInLine) {
        return (long) (placeInLine * averageHeldNanos / maxRunning);
    }

    private void recordHeld(long nanos) {
        synchronized (lock) {
            averageHeldNanos = averageHeldNanos == 0 ? nanos : 0.8 * averageHeldNanos + 0.2 * nanos;
        }
    }
}
