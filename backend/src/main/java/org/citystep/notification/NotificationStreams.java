package org.citystep.notification;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.citystep.security.CurrentUser;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live unread counts over Server-Sent Events. Each stream polls its reader's inboxes' change
 * counters (a lookup by id per audience, {@link Inboxes#changeMark}) and sends the unread count
 * when they moved, so it works with any number of app instances: whichever instance delivered a
 * notification, every stream sees it within a poll. A comment every heartbeat keeps proxies from
 * closing an idle stream. Streams are bounded per reader (429) and per instance (503).
 */
@Component
public class NotificationStreams {

    /** The event a stream sends: the reader's unread count. */
    public record Unread(long unread) {
    }

    private final NotificationService notifications;
    private final NotificationProperties properties;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    NotificationStreams(NotificationService notifications, NotificationProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    public Flux<ServerSentEvent<Unread>> stream(CurrentUser user) {
        return Flux.defer(() -> {
            AtomicInteger mine = perUser.computeIfAbsent(user.subject(), sub -> new AtomicInteger());
            if (mine.incrementAndGet() > properties.maxStreamsPerUser()) {
                release(user.subject(), mine);
                return Flux.error(new ApiException(ProblemType.TOO_MANY_REQUESTS, "notification.tooManyStreams",
                        properties.maxStreamsPerUser()));
            }
            if (open.incrementAndGet() > properties.maxStreams()) {
                open.decrementAndGet();
                release(user.subject(), mine);
                return Flux.error(ApiException.busy("notification.streamsBusy"));
            }
            return updates(user).doFinally(signal -> {
                open.decrementAndGet();
                release(user.subject(), mine);
            });
        });
    }

    int open() {
        return open.get();
    }

    private Flux<ServerSentEvent<Unread>> updates(CurrentUser user) {
        Duration poll = properties.streamPoll();
        long[] last = {Long.MIN_VALUE};
        Flux<ServerSentEvent<Unread>> counts = Flux.interval(Duration.ZERO, poll)
                .onBackpressureDrop()
                .concatMap(tick -> notifications.changeMark(user)
                        .filter(mark -> {
                            boolean changed = mark != last[0];
                            last[0] = mark;
                            return changed;
                        })
                        .flatMap(changed -> notifications.unread(user))
                        .map(unread -> ServerSentEvent.builder(new Unread(unread)).event("unread").build()));
        Flux<ServerSentEvent<Unread>> heartbeat = Flux.interval(properties.heartbeat())
                .map(tick -> ServerSentEvent.<Unread>builder().comment("heartbeat").build());
        return Flux.merge(counts, heartbeat);
    }

    private void release(String subject, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            perUser.remove(subject, mine);
        }
    }
}
