/**
 * A city's benchmark: its levels beside its region's median, its peers one step ahead and the members
 * of its clusters, and its KPIs beside theirs for the same indicators. Reads cities (their read model's
 * level counts), the matching roadmap and clusters through their services; stores nothing.
 */
@NullMarked
package org.citystep.benchmark;

import org.jspecify.annotations.NullMarked;
