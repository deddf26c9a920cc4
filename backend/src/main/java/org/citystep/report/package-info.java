/**
 * Reports over the cities' current validated self-assessments, starting with the white paper's
 * Figure 3: the distribution of maturity levels per characteristic by region.
 */
@NullMarked
package org.citystep.report;

import org.jspecify.annotations.NullMarked;
