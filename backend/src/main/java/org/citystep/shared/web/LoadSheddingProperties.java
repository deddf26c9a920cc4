package org.citystep.shared.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per kind of expensive read: how many run at once per instance, how many more may wait their turn,
 * and for how long. Beyond that a request is answered 503 with {@code Retry-After} at once.
 */
@ConfigurationProperties("citystep.load-shedding")
public record LoadSheddingProperties(@DefaultValue Limit matching, @DefaultValue Limit search,
        @DefaultValue Limit report) {

    public record Limit(@DefaultValue("4") int running, @DefaultValue("64") int waiting,
            @DefaultValue("10s") Duration maxWait) {
    }
}
