package org.citystep.notification;

import org.jspecify.annotations.Nullable;

/**
 * A reader's notification settings.
 *
 * @param email       whether notifications are also sent by e-mail (when the server sends e-mail at all)
 * @param language    the language of the e-mails, {@code en} or {@code zh-CN}
 * @param address     where e-mails go: the address in the reader's token when they opted in
 * @param mailEnabled whether this server sends e-mail at all ({@code citystep.notifications.email.enabled})
 */
public record NotificationSettings(boolean email, String language, @Nullable String address, boolean mailEnabled) {
}
