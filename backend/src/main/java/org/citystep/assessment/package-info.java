/**
 * Cities' self-assessments against the framework: a draft the city's editors fill in (criteria met,
 * evidence answering the Annex 1 questions, links), submitted and then validated or returned by an
 * expert. Levels are derived from the criteria, never entered. A validated assessment becomes the
 * city's current one and its levels are handed to the city profile; earlier ones stay as dated
 * history.
 */
@NullMarked
package org.citystep.assessment;

import org.jspecify.annotations.NullMarked;
