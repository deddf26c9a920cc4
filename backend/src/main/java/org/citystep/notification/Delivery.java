package org.citystep.notification;

import java.util.List;

/**
 * One notification to deliver: to {@code audience}, the message {@code code} with {@code args}
 * (rendered in each reader's language when read), linking to the page to act on.
 */
public record Delivery(String audience, String code, List<String> args, String link) {

    public Delivery {
        args = List.copyOf(args);
    }
}
