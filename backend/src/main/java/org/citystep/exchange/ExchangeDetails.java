package org.citystep.exchange;

import java.util.List;

/**
 * An exchange with what its readers see beside it: both cities, the length of its conversation and
 * what the caller may do now, and whether the asking city climbed the step after it (credited).
 */
public record ExchangeDetails(Exchange exchange, ExchangeSide asking, ExchangeSide peer, long messageCount,
        List<ExchangeAction> canAct, boolean credited) {
}
