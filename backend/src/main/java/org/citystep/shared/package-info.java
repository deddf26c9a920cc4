/**
 * What every feature shares: the one error model (RFC 9457 problem+json), the one paging shape,
 * web plumbing (payload limit, single-page-app routing), bilingual explanations and the embedded MongoDB server used
 * locally and in tests. Open to all modules.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.citystep.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
