package org.citystep.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.citystep.security.CurrentUser;
import org.citystep.shared.i18n.AnswerLanguage;
import org.citystep.shared.i18n.Messages;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.problem.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A reader's notifications: those of every audience their token puts them in, newest first, with
 * their own read marks, rendered in their language. Every read is a handful of lookups by id.
 */
@Service
public class NotificationService {

    private final Inboxes inboxes;
    private final Messages messages;
    private final ReactiveMongoTemplate template;
    private final Clock clock;
    private final NotificationProperties properties;

    NotificationService(Inboxes inboxes, Messages messages, ReactiveMongoTemplate template, Clock clock,
            NotificationProperties properties) {
        this.inboxes = inboxes;
        this.messages = messages;
        this.template = template;
        this.clock = clock;
        this.properties = properties;
    }

    public Mono<NotificationPage> list(CurrentUser user, boolean unreadOnly, PageParams page, Locale locale) {
        Locale language = AnswerLanguage.of(locale);
        return Mono.zip(inboxes.items(Audiences.of(user)), inboxes.reads(user.subject())).map(both -> {
            var reads = both.getT2();
            List<Inboxes.Item> all = both.getT1();
            long unread = all.stream().filter(item -> !reads.isRead(item)).count();
            List<Inboxes.Item> shown = unreadOnly ? all.stream().filter(item -> !reads.isRead(item)).toList() : all;
            int from = Math.min(page.page() * page.size(), shown.size());
            List<Notification> items = shown.subList(from, Math.min(from + page.size(), shown.size())).stream()
                    .map(item -> render(item, reads.isRead(item), language)).toList();
            return new NotificationPage(items, page.page(), page.size(), shown.size(), unread);
        });
    }

    public Mono<Long> unread(CurrentUser user) {
        return Mono.zip(inboxes.items(Audiences.of(user)), inboxes.reads(user.subject()))
                .map(both -> both.getT1().stream().filter(item -> !both.getT2().isRead(item)).count());
    }

    /** Marks one of the reader's notifications read; 404 when it is not in their inboxes. */
    public Mono<Void> markRead(CurrentUser user, String id) {
        return inboxes.items(Audiences.of(user))
                .flatMap(items -> items.stream().anyMatch(item -> item.id().equals(id))
                        ? inboxes.markRead(user.subject(), id)
                        : Mono.error(ApiException.notFound("notification", id)));
    }

    public Mono<Void> markAllRead(CurrentUser user) {
        return inboxes.markAllRead(user.subject(), clock.instant());
    }

    /** A number that changes when the reader's notifications or read marks change. */
    Mono<Long> changeMark(CurrentUser user) {
        return inboxes.changeMark(Audiences.of(user), user.subject());
    }

    Notification render(Inboxes.Item item, boolean read, Locale language) {
        return new Notification(item.id(), item.at(), item.action(),
                messages.get(item.code(), language, item.args().toArray()), item.link(), read);
    }

    public Mono<NotificationSettings> settings(CurrentUser user) {
        return template.findById(user.subject(), Document.class, Inboxes.SETTINGS)
                .map(stored -> new NotificationSettings(stored.getBoolean("email", false),
                        stored.getString("language"), stored.getString("address"), properties.email().enabled()))
                .defaultIfEmpty(new NotificationSettings(false, "en", null, properties.email().enabled()));
    }

    /**
     * Opts in or out of e-mail in {@code language}, to the address in the reader's token. The reader
     * is added to (or removed from) the subscriber lists of the audiences their token puts them in now.
     */
    public Mono<NotificationSettings> updateSettings(CurrentUser user, boolean email, String language,
            @Nullable String address) {
        if (email && (address == null || address.isBlank())) {
            return Mono.error(ApiException.invalid("notification.noEmailInToken", List.of()));
        }
        List<String> audiences = Audiences.of(user);
        Document settings = new Document("_id", user.subject()).append("email", email).append("language", language)
                .append("address", email ? address : null).append("audiences", audiences);
        Document subscriber = new Document("sub", user.subject()).append("address", address).append("language", language);
        return template.findById(user.subject(), Document.class, Inboxes.SETTINGS)
                .map(previous -> previous.getList("audiences", String.class, List.of()))
                .defaultIfEmpty(List.of())
                .flatMapMany(previous -> Flux.fromIterable(new java.util.LinkedHashSet<>(concat(previous, audiences))))
                .concatMap(audience -> template.upsert(Query.query(where("_id").is(audience)),
                                new Update().pull("subscribers", new Document("sub", user.subject())), Inboxes.SUBSCRIBERS)
                        .then(email && audiences.contains(audience)
                                ? template.upsert(Query.query(where("_id").is(audience)),
                                        new Update().push("subscribers", subscriber), Inboxes.SUBSCRIBERS).then()
                                : Mono.empty()))
                .then(template.save(settings, Inboxes.SETTINGS))
                .then(settings(user));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
