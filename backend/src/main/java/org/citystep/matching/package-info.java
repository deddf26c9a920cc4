/**
 * The staircase: a city's roadmap per characteristic (criteria missing for the next level, balance
 * warnings) and its matches with peer cities exactly one level ahead, ranked by likeness and
 * evidence and explained in English and Chinese. Reads cities, assessments, case studies and
 * experts through their services; stores nothing of its own.
 */
@NullMarked
package org.citystep.matching;

import org.jspecify.annotations.NullMarked;
