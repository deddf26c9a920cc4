/**
 * Knowledge exchange between cities (issue 14): a city asks a peer one step ahead on the staircase
 * (or a member of a shared active cluster) about one step; the peer accepts, declines or proposes
 * dates; experts may be invited; the two talk in a conversation; an agreed date gives an iCalendar
 * file; afterwards the asking city records what it learnt and may turn it into a case-study draft.
 * Every read on a request path is by {@code _id}: exchanges, per-city lists of their ids, message
 * chunks, counters.
 */
@NullMarked
package org.citystep.exchange;

import org.jspecify.annotations.NullMarked;
