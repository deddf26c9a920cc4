package org.citystep.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code citystep.notifications.*}.
 *
 * @param fanOutInterval     how often the leased worker takes new audit entries
 * @param streamPoll         how often a live stream checks its reader's inboxes
 * @param heartbeat          how often a live stream sends a comment to keep proxies from closing it
 * @param maxStreamsPerUser  open streams per reader and instance; more answer 429
 * @param maxStreams         open streams per instance; more answer 503
 * @param email              e-mail, off by default
 * @param reverification     the monthly re-verification reminders
 */
@ConfigurationProperties("citystep.notifications")
public record NotificationProperties(@DefaultValue("1s") Duration fanOutInterval, @DefaultValue("2s") Duration streamPoll,
        @DefaultValue("15s") Duration heartbeat, @DefaultValue("5") int maxStreamsPerUser,
        @DefaultValue("2000") int maxStreams, @DefaultValue Email email, @DefaultValue Reverification reverification) {

    /**
     * @param enabled whether notifications are also sent by e-mail to readers who opted in (needs {@code spring.mail.host})
     * @param from    the sender address
     * @param baseUrl where the web front end is, for the links in e-mails
     */
    public record Email(@DefaultValue("false") boolean enabled, @DefaultValue("citystep@localhost") String from,
            @DefaultValue("http://localhost:8080") String baseUrl) {
    }

    /**
     * @param enabled whether the monthly job runs
     * @param check   how often the job checks whether this month's reminders are done
     */
    public record Reverification(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration check) {
    }
}
