package org.citystep.exchange;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The step the asking city wants to learn about: climbing {@code characteristic} from one level to the next. */
@Schema(name = "ExchangeStep")
public record ExchangeStep(@NotNull Characteristic characteristic, @NotNull MaturityLevel fromLevel,
        @NotNull MaturityLevel toLevel) {

    /** One level up, or at State of the Art the same level; a rated characteristic and an assessed level. */
    public boolean wellFormed() {
        if (!characteristic.rated() || !fromLevel.isAssessed()) {
            return false;
        }
        MaturityLevel target = fromLevel.next().orElse(fromLevel);
        return toLevel == target;
    }

    /** The key of the step in counters and declines, e.g. {@code FUNDING:AVERAGE}. */
    String key() {
        return characteristic.name() + ":" + fromLevel.name();
    }
}
