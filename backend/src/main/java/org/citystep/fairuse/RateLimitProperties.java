package org.citystep.fairuse;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many API requests a client may send, per instance.
 *
 * @param anonymous   per IP address, for callers without a token
 * @param signedIn    per user (the token's subject)
 * @param exports     per client (user or address) for bulk exports and the catalogue, instead of the above
 * @param behindProxy whether the app runs behind one reverse proxy that appends the caller's address to
 *                    {@code X-Forwarded-For}; only then is that header believed (its last address)
 * @param maxClients  how many clients' buckets each limit keeps; the least recently seen are dropped
 */
@ConfigurationProperties("citystep.rate-limits")
public record RateLimitProperties(@DefaultValue("300") int anonymousRequests, @DefaultValue("1m") Duration anonymousPer,
        @DefaultValue("1200") int signedInRequests, @DefaultValue("1m") Duration signedInPer,
        @DefaultValue("30") int exportsRequests, @DefaultValue("1h") Duration exportsPer,
        @DefaultValue("false") boolean behindProxy, @DefaultValue("100000") long maxClients) {

    Quota anonymous() {
        return new Quota("anonymous", anonymousRequests, anonymousPer);
    }

    Quota signedIn() {
        return new Quota("signed-in", signedInRequests, signedInPer);
    }

    Quota exports() {
        return new Quota("exports", exportsRequests, exportsPer);
    }

    /** {@code requests} per {@code per}, refilled smoothly. */
    record Quota(String name, int requests, Duration per) {

        Quota {
            if (requests < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("the " + name + " rate limit needs at least one request in a positive time");
            }
        }

        /** The IETF draft's {@code RateLimit-Policy}: requests per window in seconds. */
        String policy() {
            return requests + ";w=" + per.toSeconds();
        }
    }
}
