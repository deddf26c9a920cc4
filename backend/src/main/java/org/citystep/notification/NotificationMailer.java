package org.citystep.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.citystep.audit.AuditRecord;
import org.citystep.shared.i18n.AnswerLanguage;
import org.citystep.shared.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * E-mails notifications to the readers who opted in, each in the language they chose; off unless
 * {@code citystep.notifications.email.enabled} and a mail server ({@code spring.mail.host}) are
 * configured. Sending is blocking (JavaMail), so it runs on the bounded elastic scheduler; a failed
 * e-mail is logged, never retried (the inbox has the notification anyway).
 */
@Component
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final Inboxes inboxes;
    private final Messages messages;
    private final NotificationProperties.Email settings;

    NotificationMailer(ObjectProvider<JavaMailSender> sender, Inboxes inboxes, Messages messages,
            NotificationProperties properties) {
        this.sender = sender;
        this.inboxes = inboxes;
        this.messages = messages;
        this.settings = properties.email();
    }

    /** Mails {@code entry}'s new deliveries to the subscribers of their audiences, once per subscriber. */
    Mono<Void> send(AuditRecord entry, List<Delivery> deliveries) {
        JavaMailSender mail = sender.getIfAvailable();
        if (!settings.enabled() || mail == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(deliveries)
                .concatMap(delivery -> inboxes.subscribers(delivery.audience()).map(subscriber -> Map.entry(subscriber, delivery)))
                .collectList()
                .flatMap(all -> {
                    Map<String, Map.Entry<Document, Delivery>> once = new LinkedHashMap<>();
                    all.forEach(pair -> once.putIfAbsent(pair.getKey().getString("sub"), pair));
                    List<SimpleMailMessage> mails = once.values().stream()
                            .filter(pair -> pair.getKey().getString("address") != null)
                            .map(pair -> message(pair.getKey(), pair.getValue())).toList();
                    return mails.isEmpty() ? Mono.empty() : Mono.fromRunnable(() -> mail.send(mails.toArray(SimpleMailMessage[]::new)))
                            .subscribeOn(Schedulers.boundedElastic())
                            .doOnError(failure -> log.warn("Could not e-mail the notifications of audit entry {}: {}",
                                    entry.id(), failure.toString()))
                            .onErrorResume(failure -> Mono.empty());
                })
                .then();
    }

    private SimpleMailMessage message(Document subscriber, Delivery delivery) {
        Locale language = AnswerLanguage.forHeader(subscriber.getString("language"));
        String text = messages.get(delivery.code(), language, delivery.args().toArray());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(subscriber.getString("address"));
        message.setSubject(messages.get("notification.email.subject", language, text));
        message.setText(messages.get("notification.email.body", language, text, settings.baseUrl() + delivery.link()));
        return message;
    }
}
