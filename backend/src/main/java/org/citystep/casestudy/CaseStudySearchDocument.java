package org.citystep.casestudy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.city.City;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * What the search read model holds of a case study, in any state: search shows each caller only
 * what it may see ({@code status}, {@code cityId}); only published ones are suggested. Shaped by
 * {@code casestudy/search-mapping.json}.
 */
record CaseStudySearchDocument(String type, String status, Map<String, String> title, Map<String, String> text,
        String cityId,
        @Nullable String region, @Nullable String country, List<String> serviceDomain, List<String> characteristic,
        List<String> fromLevel, String stage, List<String> tech, List<String> instrument, @Nullable Integer year,
        boolean bestPractice, List<String> suggest, List<String> steps, java.time.Instant updatedAt,
        java.time.@Nullable LocalDate lastVerified) {

    static final String INDEX = "case-studies";
    static final String TYPE = "case-study";

    static CaseStudySearchDocument of(CaseStudy study, @Nullable City city) {
        CaseStudyContent c = study.content();
        Map<String, String> text = new LinkedHashMap<>();
        c.summary().forEach((language, summary) -> text.merge(language, summary, (a, b) -> a + "\n" + b));
        c.body().forEach((language, body) -> text.merge(language, Jsoup.parse(body).text(), (a, b) -> a + "\n" + b));
        var flags = c.flags();
        List<String> tech = new java.util.ArrayList<>(c.technologies());
        if (flags.scalable()) {
            tech.add("SCALABLE");
        }
        if (flags.cloud()) {
            tech.add("CLOUD");
        }
        if (flags.integratedOffering()) {
            tech.add("INTEGRATED_OFFERING");
        }
        if (flags.openApi()) {
            tech.add("OPEN_API");
        }
        if (flags.iot()) {
            tech.add("IOT");
        }
        boolean published = study.status() == CaseStudyStatus.PUBLISHED;
        return new CaseStudySearchDocument(TYPE, study.status().name(), c.title(), text, study.cityId(),
                city == null ? null : city.profile().region().name(), city == null ? null : city.profile().country(),
                c.serviceDomains().stream().map(Enum::name).sorted().toList(),
                c.steps().stream().map(s -> s.characteristic().name()).distinct().sorted().toList(),
                c.steps().stream().map(s -> s.fromLevel().name()).distinct().sorted().toList(),
                c.stage().name(), tech.stream().distinct().sorted().toList(),
                c.funding() == null ? List.of() : c.funding().instruments().stream().sorted().toList(),
                c.startDate() == null ? null : c.startDate().getYear(), study.bestPractice(),
                published ? org.citystep.search.SuggestInputs.of(c.title().values()) : List.of(),
                c.steps().stream().map(CaseStudySearchDocument::stepKey).distinct().sorted().toList(), study.updatedAt(),
                study.lastVerified());
    }

    /** One step as a single keyword, so "climbs FUNDING from BASIC to AVERAGE" is one exact term. */
    static String stepKey(CaseStudyContent.Step step) {
        return stepKey(step.characteristic(), step.fromLevel(), step.toLevel());
    }

    static String stepKey(org.citystep.reference.Characteristic characteristic,
            org.citystep.reference.MaturityLevel from, org.citystep.reference.MaturityLevel to) {
        return characteristic.name() + ":" + from.name() + ":" + to.name();
    }
}
