/**
 * Fair use of the API: request limits per client (an anonymous caller's IP address, a signed-in
 * caller's token subject), a stricter one for bulk exports and the catalogue, the IETF
 * {@code RateLimit} headers on every API answer, and 429 problem+json beyond the limit. Buckets are
 * kept in memory per instance (Bucket4j, bounded by a Caffeine cache).
 */
@NullMarked
package org.citystep.fairuse;

import org.jspecify.annotations.NullMarked;
