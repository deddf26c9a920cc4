package org.citystep.exchange;

import io.swagger.v3.oas.annotations.media.Schema;

/** A city's exchanges about one characteristic: completed, and open (requested or accepted). */
@Schema(name = "RoadmapExchanges")
public record ExchangeCounts(int done, int planned) {

    public static final ExchangeCounts NONE = new ExchangeCounts(0, 0);
}
