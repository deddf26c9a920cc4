/**
 * The assessment framework of the 2014 EU-China Smart City white paper, cited: the nine
 * characteristics, the maturity levels, the Annex 2 criteria of each level, the Annex 1 questions,
 * the service domains, financing instruments, business models and technology tags. Read-only at
 * run time; loaded from {@code reference/reference-data.json}.
 */
@NullMarked
package org.citystep.reference;

import org.jspecify.annotations.NullMarked;
