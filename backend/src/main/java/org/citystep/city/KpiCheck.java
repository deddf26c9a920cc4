package org.citystep.city;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.citystep.reference.Indicator;
import org.citystep.reference.IndicatorCatalogue;
import org.citystep.shared.problem.Problems;

/**
 * What a city's KPIs must satisfy beyond their shape: a KPI with an {@code indicatorCode} names an
 * indicator of the catalogue, is given in that indicator's unit (or an accepted spelling of it), has a
 * value in the indicator's range, and a year from {@value #FIRST_YEAR} to the current year. A KPI without
 * a code is a local indicator of the city's own, shown but never compared with other cities.
 */
final class KpiCheck {

    static final int FIRST_YEAR = 1950;

    private KpiCheck() {
    }

    /** Every problem of {@code kpis}, one per field; empty when they are fine. */
    static List<Problems.FieldMessage> problems(List<CityProfile.Kpi> kpis, IndicatorCatalogue catalogue, Clock clock) {
        int thisYear = Year.now(clock).getValue();
        List<Problems.FieldMessage> problems = new ArrayList<>();
        for (int i = 0; i < kpis.size(); i++) {
            CityProfile.Kpi kpi = kpis.get(i);
            String at = "kpis[" + i + "].";
            if (kpi.year() != null && (kpi.year() < FIRST_YEAR || kpi.year() > thisYear)) {
                problems.add(Problems.FieldMessage.of(at + "year", "kpi.yearOutOfRange", FIRST_YEAR, thisYear));
            }
            if (kpi.indicatorCode() == null) {
                continue;
            }
            var found = catalogue.find(kpi.indicatorCode());
            if (found.isEmpty()) {
                problems.add(Problems.FieldMessage.of(at + "indicatorCode", "kpi.unknownIndicator", kpi.indicatorCode()));
                continue;
            }
            Indicator indicator = found.get();
            if (kpi.unit() != null && !indicator.acceptsUnit(kpi.unit())) {
                problems.add(Problems.FieldMessage.of(at + "unit", "kpi.wrongUnit", indicator.code(), indicator.unit()));
            }
            if (kpi.value() != null && !(Double.isFinite(kpi.value()) && indicator.inRange(kpi.value()))) {
                problems.add(indicator.max() == null
                        ? Problems.FieldMessage.of(at + "value", "kpi.valueBelowMinimum", indicator.code(), indicator.min())
                        : Problems.FieldMessage.of(at + "value", "kpi.valueOutOfRange", indicator.code(), indicator.min(),
                                indicator.max()));
            }
        }
        return problems;
    }
}
