package org.citystep.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.citystep.assessment.AssessmentService;
import org.citystep.city.CityGrouping;
import org.citystep.city.CityService;
import org.citystep.city.LevelCount;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.shared.i18n.AnswerLanguage;
import org.citystep.shared.i18n.Messages;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Builds reports from counts the database aggregates; no report loads the cities themselves. */
@Service
public class ReportService {

    private final CityService cities;
    private final AssessmentService assessments;
    private final Messages messages;

    ReportService(CityService cities, AssessmentService assessments, Messages messages) {
        this.cities = cities;
        this.assessments = assessments;
        this.messages = messages;
    }

    /**
     * Per year of assessment: how many cities reached each level in their latest validated round of
     * that year. Reads every validated round once, city after city, in bounded memory (a background
     * figure for open data, not for a page).
     */
    public Mono<MaturityDistribution> maturityDistributionByYear() {
        return assessments.validatedRounds(null)
                .bufferUntilChanged(AssessmentService.ValidatedRound::cityId)
                .reduce(new java.util.HashMap<Characteristic, Map<String, Map<MaturityLevel, Long>>>(), (counts, rounds) -> {
                    Map<Integer, AssessmentService.ValidatedRound> latestPerYear = new TreeMap<>();
                    rounds.forEach(round -> latestPerYear.merge(round.assessedAt().getYear(), round,
                            (a, b) -> a.round() >= b.round() ? a : b));
                    latestPerYear.forEach((year, round) -> round.levels().forEach((characteristic, level) ->
                            counts.computeIfAbsent(characteristic, c -> new java.util.HashMap<>())
                                    .computeIfAbsent(String.valueOf(year), y -> new java.util.EnumMap<>(MaturityLevel.class))
                                    .merge(level, 1L, Long::sum)));
                    return counts;
                })
                .map(counts -> new MaturityDistribution("year", Characteristic.ratedOnes().stream()
                        .map(characteristic -> distribution(characteristic, counts.getOrDefault(characteristic, Map.of())
                                .entrySet().stream()
                                .flatMap(year -> year.getValue().entrySet().stream()
                                        .map(level -> new LevelCount(year.getKey(), level.getKey(), level.getValue())))
                                .toList()))
                        .toList()));
    }

    public Mono<MaturityDistribution> maturityDistribution(CityGrouping grouping) {
        return Flux.fromIterable(Characteristic.ratedOnes())
                .flatMapSequential(characteristic -> cities.levelCounts(characteristic, grouping).collectList()
                        .map(counts -> distribution(characteristic, counts)))
                .collectList()
                .map(list -> new MaturityDistribution(grouping.name().toLowerCase(java.util.Locale.ROOT), list));
    }

    private static MaturityDistribution.CharacteristicDistribution distribution(Characteristic characteristic,
            List<LevelCount> counts) {
        Map<String, Map<MaturityLevel, Long>> byGroup = new TreeMap<>(ReportService::regionOrder);
        for (LevelCount count : counts) {
            byGroup.computeIfAbsent(count.group(), group -> zeroes()).merge(count.level(), count.count(), Long::sum);
        }
        List<MaturityDistribution.Group> groups = new ArrayList<>();
        byGroup.forEach((group, levelCounts) -> groups.add(new MaturityDistribution.Group(group,
                levelCounts.values().stream().mapToLong(Long::longValue).sum(), levelCounts,
                LargestRemainder.percentages(levelCounts))));
        return new MaturityDistribution.CharacteristicDistribution(characteristic, groups);
    }

    /** One row per characteristic and group: counts, then percentages, for every level. */
    /**
     * The report as CSV for a reader of {@code locale}: headers, characteristic, level and region
     * or country names in that language, beside the codes (for machines), preceded by a byte-order
     * mark so spreadsheet programs read the UTF-8 Chinese text right.
     */
    public String toCsv(MaturityDistribution report, Locale locale) {
        String groupKind = "country".equals(report.groupBy()) ? "country" : "region";
        List<String> header = new ArrayList<>(List.of(
                messages.get("report.csv.characteristicCode", locale), messages.get("report.csv.characteristic", locale),
                messages.get("report.csv." + groupKind + "Code", locale), messages.get("report.csv." + groupKind, locale),
                messages.get("report.csv.total", locale)));
        Arrays.stream(MaturityLevel.values()).forEach(level -> header.add(messages.get("level." + level.name(), locale)));
        Arrays.stream(MaturityLevel.values()).forEach(level -> header.add(messages.get("report.csv.percent", locale,
                messages.get("level." + level.name(), locale))));
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            for (var characteristic : report.characteristics()) {
                for (var group : characteristic.groups()) {
                    List<Object> row = new ArrayList<>(List.of(characteristic.characteristic(),
                            messages.get("characteristic." + characteristic.characteristic().name(), locale), group.group(),
                            "country".equals(groupKind) ? countryName(group.group(), locale)
                                    : messages.get("region." + group.group(), locale),
                            group.total()));
                    Arrays.stream(MaturityLevel.values()).forEach(level -> row.add(group.counts().get(level)));
                    Arrays.stream(MaturityLevel.values()).forEach(level -> row.add(group.percentages().get(level).toPlainString()));
                    csv.printRecord(row);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String countryName(String code, Locale locale) {
        String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(AnswerLanguage.of(locale));
        return name.isEmpty() ? code : name;
    }

    private static Map<MaturityLevel, Long> zeroes() {
        Map<MaturityLevel, Long> counts = new EnumMap<>(MaturityLevel.class);
        Arrays.stream(MaturityLevel.values()).forEach(level -> counts.put(level, 0L));
        return counts;
    }

    /** EU before CHINA before OTHER, as in the white paper; other groups (countries) alphabetically. */
    private static int regionOrder(String a, String b) {
        List<String> order = List.of("EU", "CHINA", "OTHER");
        int ia = order.indexOf(a);
        int ib = order.indexOf(b);
        if (ia >= 0 && ib >= 0) {
            return Integer.compare(ia, ib);
        }
        return a.compareTo(b);
    }
}
