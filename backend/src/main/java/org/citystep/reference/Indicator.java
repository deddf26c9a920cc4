package org.citystep.reference;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One indicator of the catalogue ({@code reference/indicators.json}) a city's KPIs are chosen from.
 *
 * @param code            what a KPI's {@code indicatorCode} carries, e.g. {@code ISO 37120:2014 8.1}
 * @param standard        the standard or framework the indicator belongs to
 * @param number          the indicator's number in that standard
 * @param theme           the standard's section (economy, environment, transportation, …)
 * @param title           per language; Chinese titles are the project's translation
 * @param unit            the unit a value is given in
 * @param compatibleUnits other spellings accepted for the same unit
 * @param min             the lowest sensible value
 * @param max             the highest sensible value, when there is one (100 for a percentage)
 * @param source          the id of the public source the number and title come from
 * @param numberConfirmed whether the number was read in the cited source itself
 */
@Schema(name = "Indicator")
public record Indicator(String code, IndicatorStandard standard, String number, String theme, Map<String, String> title,
        String unit, List<String> compatibleUnits, double min, @Nullable Double max, String source,
        boolean numberConfirmed) {

    public Indicator {
        title = Map.copyOf(title);
        compatibleUnits = compatibleUnits == null ? List.of() : List.copyOf(compatibleUnits);
    }

    /** Whether a value given in {@code given} is in this indicator's unit (or an accepted spelling of it). */
    public boolean acceptsUnit(String given) {
        String normal = normalUnit(given);
        return normalUnit(unit).equals(normal) || compatibleUnits.stream().anyMatch(u -> normalUnit(u).equals(normal));
    }

    /** Whether {@code value} lies in the indicator's sensible range. */
    public boolean inRange(double value) {
        return value >= min && (max == null || value <= max);
    }

    private static String normalUnit(String unit) {
        return unit.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
