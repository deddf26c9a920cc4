/**
 * The audit log of every write: who did what to which record, when, and the record's version before
 * and after. A service records its write here before it answers, so an acknowledged write has its
 * entry on disk. Other features (notifications) derive their work from these entries.
 */
@NullMarked
package org.citystep.audit;

import org.jspecify.annotations.NullMarked;
