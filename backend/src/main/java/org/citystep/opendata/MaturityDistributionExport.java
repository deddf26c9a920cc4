package org.citystep.opendata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.city.CityGrouping;
import org.citystep.reference.MaturityLevel;
import org.citystep.report.MaturityDistribution;
import org.citystep.report.ReportService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * The white paper's Figure 3 as data: how many cities (and what share) are at each level of each
 * characteristic, by region, by country and by year of assessment. One row per grouping, group,
 * characteristic and level. Computed over all cities, so {@code since} does not narrow it.
 */
@Component
class MaturityDistributionExport implements DatasetExport {

    private static final List<String> COLUMNS = List.of("group_by", "group", "characteristic", "level", "cities",
            "cities_in_group", "percent");

    private final ReportService reports;

    MaturityDistributionExport(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public Dataset dataset() {
        return Dataset.MATURITY_DISTRIBUTION;
    }

    @Override
    public List<String> csvColumns() {
        return COLUMNS;
    }

    @Override
    public boolean takesSince() {
        return false;
    }

    @Override
    public Flux<ExportRow> rows(@Nullable Instant since) {
        return Flux.concat(reports.maturityDistribution(CityGrouping.REGION), reports.maturityDistribution(CityGrouping.COUNTRY),
                        reports.maturityDistributionByYear())
                .concatMapIterable(MaturityDistributionExport::rows);
    }

    static List<ExportRow> rows(MaturityDistribution distribution) {
        return distribution.characteristics().stream()
                .flatMap(characteristic -> characteristic.groups().stream()
                        .flatMap(group -> Arrays.stream(MaturityLevel.values())
                                .map(level -> row(distribution.groupBy(), group, characteristic.characteristic().name(),
                                        level))))
                .toList();
    }

    private static ExportRow row(String groupBy, MaturityDistribution.Group group, String characteristic,
            MaturityLevel level) {
        long cities = group.counts().getOrDefault(level, 0L);
        BigDecimal percent = group.percentages().get(level);
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("groupBy", groupBy);
        json.put("group", group.group());
        json.put("characteristic", characteristic);
        json.put("level", level.name());
        json.put("cities", cities);
        json.put("citiesInGroup", group.total());
        json.put("percent", percent);
        return new ExportRow(json, Arrays.asList(groupBy, group.group(), characteristic, level.name(), cities,
                group.total(), percent), null);
    }
}
