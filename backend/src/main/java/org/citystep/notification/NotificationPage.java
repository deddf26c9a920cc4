package org.citystep.notification;

import java.util.List;

/** A page of a reader's notifications (as {@code PageResponse}), with how many of all are unread. */
public record NotificationPage(List<Notification> items, int page, int size, long total, long unread) {

    public NotificationPage {
        items = List.copyOf(items);
    }
}
