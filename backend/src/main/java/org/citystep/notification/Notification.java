package org.citystep.notification;

import java.time.Instant;

/**
 * A notification as its reader sees it, rendered in the reader's language.
 *
 * @param id     the audit entry it came from; what {@code read} takes
 * @param at     when the event happened
 * @param action the audit action code, e.g. {@code caseStudy.submitted}
 * @param text   the message in the reader's language
 * @param link   the page to act on, a path of the web front end
 */
public record Notification(String id, Instant at, String action, String text, String link, boolean read) {
}
