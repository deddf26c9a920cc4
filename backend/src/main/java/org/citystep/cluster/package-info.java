/**
 * Clusters of cities with shared interests (white paper §7): cities propose, join and leave them for
 * themselves; curators approve and close them. The system proposes clusters by community detection
 * on an interest-similarity graph, recomputed when cities or published case studies change.
 */
@NullMarked
package org.citystep.cluster;

import org.jspecify.annotations.NullMarked;
