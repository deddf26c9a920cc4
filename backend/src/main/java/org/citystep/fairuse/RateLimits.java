package org.citystep.fairuse;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per client and limit, in this instance's memory: with several instances each
 * limits on its own (a client spread over N instances may send up to N times the limit). A shared
 * limit would keep the buckets in one of Bucket4j's distributed back ends instead. The buckets of
 * each limit are bounded in number; a bucket not used for one window is full again anyway, so it is
 * dropped then.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimits {

    /** What a request took from its client's bucket, for the headers and the 429. */
    record Taken(RateLimitProperties.Quota limit, ConsumptionProbe probe) {

        boolean allowed() {
            return probe.isConsumed();
        }

        long remaining() {
            return probe.getRemainingTokens();
        }

        /** Seconds until the bucket is full again. */
        long resetSeconds() {
            return ceilSeconds(probe.getNanosToWaitForReset());
        }

        /** Seconds until one more request is allowed; at least 1 when refused. */
        long retryAfterSeconds() {
            return Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        }

        private static long ceilSeconds(long nanos) {
            return (nanos + 999_999_999L) / 1_000_000_000L;
        }
    }

    private record Limited(RateLimitProperties.Quota limit, Cache<String, Bucket> buckets) {

        Taken take(String client) {
            Bucket bucket = buckets.get(client, key -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()).build())
                    .build());
            return new Taken(limit, bucket.tryConsumeAndReturnRemaining(1));
        }
    }

    private final Limited anonymous;
    private final Limited signedIn;
    private final Limited exports;

    RateLimits(RateLimitProperties properties) {
        this.anonymous = limited(properties.anonymous(), properties.maxClients());
        this.signedIn = limited(properties.signedIn(), properties.maxClients());
        this.exports = limited(properties.exports(), properties.maxClients());
    }

    private static Limited limited(RateLimitProperties.Quota limit, long maxClients) {
        return new Limited(limit, Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(limit.per().toNanos(), TimeUnit.NANOSECONDS)
                .build());
    }

    /** Takes one request from {@code client}'s bucket of the limit that applies. */
    Taken take(Client client, boolean export) {
        Limited limited = export ? exports : client.signedIn() ? signedIn : anonymous;
        return limited.take(client.key());
    }
}
