package org.citystep.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxOpenPerCity requests a city may have open at once (requested, or accepted without an
 *                       outcome); one more answers 429
 * @param resendAfter    how long after the peer declined a request the same request (asking city,
 *                       peer, step) cannot be sent again
 * @param effectsInterval how often the writes whose writer died are looked for and finished
 */
@ConfigurationProperties("citystep.exchanges")
public record ExchangeProperties(@DefaultValue("10") int maxOpenPerCity, @DefaultValue("30d") Duration resendAfter,
        @DefaultValue("10s") Duration effectsInterval) {
}
