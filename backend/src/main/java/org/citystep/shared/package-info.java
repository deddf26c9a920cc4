/**
 * What every feature shares: the one error model (RFC 9457 problem+json), the one paging shape,
 * web plumbing (payload limit, single-page-app routing), bilingual explanations, the embedded MongoDB server used
 * locally and in tests, and MongoDB helpers (leases between app instances, reading a collection in bounded
 * memory). Open to all modules.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.citystep.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
