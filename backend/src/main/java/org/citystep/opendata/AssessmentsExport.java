package org.citystep.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.citystep.assessment.AssessmentService;
import org.citystep.assessment.AssessmentService.ValidatedRound;
import org.citystep.reference.Characteristic;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Every validated round of every city's self-assessment: the levels as the expert judged them, the
 * day, the round. Never a draft, a submitted or a returned round, and never the answers or review
 * notes behind the levels.
 */
@Component
class AssessmentsExport implements DatasetExport {

    private static final List<String> COLUMNS = Stream.concat(Stream.of("city_id", "round", "assessed_at"),
            Stream.concat(Characteristic.ratedOnes().stream().map(c -> "level_" + c.name()), Stream.of("validated_at")))
            .toList();

    private final AssessmentService assessments;

    AssessmentsExport(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public Dataset dataset() {
        return Dataset.ASSESSMENTS;
    }

    @Override
    public List<String> csvColumns() {
        return COLUMNS;
    }

    @Override
    public Flux<ExportRow> rows(@Nullable Instant since) {
        return assessments.validatedRounds(since).map(AssessmentsExport::row);
    }

    static ExportRow row(ValidatedRound round) {
        Map<String, String> levels = new LinkedHashMap<>();
        round.levels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> levels.put(entry.getKey().name(), entry.getValue().name()));
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("cityId", round.cityId());
        json.put("round", round.round());
        json.put("assessedAt", Flat.date(round.assessedAt()));
        json.put("levels", levels);
        json.put("validatedAt", Flat.instant(round.validatedAt()));
        List<@Nullable Object> csv = new ArrayList<>(Arrays.asList(round.cityId(), round.round(),
                Flat.date(round.assessedAt())));
        for (Characteristic characteristic : Characteristic.ratedOnes()) {
            csv.add(levels.get(characteristic.name()));
        }
        csv.add(Flat.instant(round.validatedAt()));
        return new ExportRow(json, csv, round.validatedAt());
    }
}
