package org.citystep.fairuse;

import java.net.InetSocketAddress;
import java.util.List;

import org.citystep.security.CurrentUser;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Whom a request is counted against: a signed-in caller by the subject of the token the security
 * chain has already validated, an anonymous one by IP address.
 *
 * @param key      the bucket's key, {@code user:<subject>} or {@code ip:<address>}
 * @param signedIn whether the key names a user
 */
record Client(String key, boolean signedIn) {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    static Client of(CurrentUser user, ServerHttpRequest request, boolean behindProxy) {
        if (!user.isAnonymous()) {
            return new Client("user:" + user.subject(), true);
        }
        return new Client("ip:" + address(request, behindProxy), false);
    }

    /**
     * The caller's address. Behind a proxy that is the last {@code X-Forwarded-For} entry, the one the
     * proxy itself appended: the entries before it are whatever the caller sent, so believing the
     * first would let anyone pick their own bucket.
     */
    private static String address(ServerHttpRequest request, boolean behindProxy) {
        if (behindProxy) {
            List<String> forwarded = request.getHeaders().getValuesAsList(FORWARDED_FOR);
            if (!forwarded.isEmpty()) {
                String last = forwarded.get(forwarded.size() - 1).strip();
                if (!last.isEmpty()) {
                    return last.length() > 64 ? last.substring(0, 64) : last;
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? network(remote.getAddress()) : remote.getHostString();
    }

    /**
     * An IPv4 address as it is; an IPv6 one by its /64 network, the block one subscriber usually
     * holds: counting each of its 2^64 addresses apart would give a caller unlimited fresh buckets.
     */
    static String network(java.net.InetAddress address) {
        if (address instanceof java.net.Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        }
        return address.getHostAddress();
    }
}
