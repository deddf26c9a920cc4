package org.citystep.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.casestudy.CaseStudy;
import org.citystep.casestudy.CaseStudyContent;
import org.citystep.casestudy.CaseStudyService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Published case studies: what they say in every language, the steps they demonstrate, their
 * results, funding, partners (organisations) and licence. Never the contact person, the audit trail
 * or anything not yet published. Steps flatten to {@code CHARACTERISTIC:FROM>TO}.
 */
@Component
class CaseStudiesExport implements DatasetExport {

    private static final List<String> COLUMNS = List.of("id", "city_id", "title_en", "title_zh", "summary_en",
            "summary_zh", "service_domains", "steps", "stage", "start_date", "end_date", "technologies",
            "best_practice", "licence", "last_verified", "updated_at", "url");

    private final CaseStudyService caseStudies;

    CaseStudiesExport(CaseStudyService caseStudies) {
        this.caseStudies = caseStudies;
    }

    @Override
    public Dataset dataset() {
        return Dataset.CASE_STUDIES;
    }

    @Override
    public List<String> csvColumns() {
        return COLUMNS;
    }

    @Override
    public Flux<ExportRow> rows(@Nullable Instant since) {
        return caseStudies.published(since).map(CaseStudiesExport::row);
    }

    static ExportRow row(CaseStudy study) {
        CaseStudyContent content = study.content();
        List<String> steps = content.steps().stream()
                .map(step -> step.characteristic() + ":" + step.fromLevel() + ">" + step.toLevel()).toList();
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("id", study.id());
        json.put("cityId", study.cityId());
        json.put("title", content.title());
        json.put("summary", content.summary());
        json.put("body", content.body());
        json.put("serviceDomains", content.serviceDomains().stream().map(Enum::name).sorted().toList());
        json.put("steps", content.steps().stream().map(step -> Map.of("characteristic", step.characteristic().name(),
                "fromLevel", step.fromLevel().name(), "toLevel", step.toLevel().name())).toList());
        json.put("stage", content.stage().name());
        json.put("startDate", Flat.date(content.startDate()));
        json.put("endDate", Flat.date(content.endDate()));
        json.put("flags", flags(content.flags()));
        json.put("targetGroups", content.targetGroups().stream().sorted().toList());
        json.put("technologies", content.technologies().stream().sorted().toList());
        json.put("benefits", content.benefits().stream().map(CaseStudiesExport::benefit).toList());
        json.put("funding", content.funding() == null ? null : funding(content.funding()));
        json.put("businessModel", content.businessModel());
        json.put("partners", content.partners().stream()
                .map(partner -> Map.of("name", partner.name(), "role", partner.role())).toList());
        json.put("inclusionMeasures", content.inclusionMeasures());
        json.put("lessonsLearned", content.lessonsLearned());
        json.put("licence", content.licence());
        json.put("bestPractice", study.bestPractice());
        json.put("awards", study.awards());
        json.put("lastVerified", Flat.date(study.lastVerified()));
        json.put("updatedAt", Flat.instant(study.updatedAt()));
        json.put("url", "/case-studies/" + study.id());
        List<@Nullable Object> csv = new ArrayList<>(Arrays.asList(study.id(), study.cityId(),
                Flat.text(content.title(), "en"), Flat.text(content.title(), "zh"), Flat.text(content.summary(), "en"),
                Flat.text(content.summary(), "zh"), Flat.sortedList(content.serviceDomains()), Flat.list(steps),
                content.stage().name(), Flat.date(content.startDate()), Flat.date(content.endDate()),
                Flat.sortedList(content.technologies()), study.bestPractice(), content.licence(),
                Flat.date(study.lastVerified()), Flat.instant(study.updatedAt()), "/case-studies/" + study.id()));
        return new ExportRow(json, csv, study.updatedAt(), content.licence());
    }

    private static Map<String, Object> flags(CaseStudyContent.Flags flags) {
        return Map.of("scalable", flags.scalable(), "cloud", flags.cloud(), "integratedOffering",
                flags.integratedOffering(), "openApi", flags.openApi(), "iot", flags.iot());
    }

    private static Map<String, @Nullable Object> benefit(CaseStudyContent.Benefit benefit) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("indicatorCode", benefit.indicatorCode());
        out.put("description", benefit.description());
        out.put("baseline", benefit.baseline());
        out.put("result", benefit.result());
        out.put("unit", benefit.unit());
        out.put("year", benefit.year());
        return out;
    }

    private static Map<String, @Nullable Object> funding(CaseStudyContent.Funding funding) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("instruments", funding.instruments().stream().sorted().toList());
        out.put("amount", funding.amount());
        out.put("currency", funding.currency());
        out.put("publicSharePercent", funding.publicSharePercent());
        return out;
    }
}
