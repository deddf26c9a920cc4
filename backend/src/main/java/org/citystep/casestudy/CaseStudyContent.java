package org.citystep.casestudy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;

/**
 * What a case study says, as its city writes it. Texts are per language ({@code en} required);
 * {@code body} is sanitised HTML.
 */
public record CaseStudyContent(Map<String, String> title, Map<String, String> summary, Map<String, String> body,
        Set<ServiceDomain> serviceDomains, List<Step> steps, Stage stage, @Nullable LocalDate startDate,
        @Nullable LocalDate endDate, Flags flags, Set<String> targetGroups, List<Benefit> benefits,
        @Nullable Funding funding, @Nullable String businessModel, Set<String> technologies, List<Partner> partners,
        Map<String, String> inclusionMeasures, Map<String, String> lessonsLearned, @Nullable Contact contact,
        String licence) {

    public static final String DEFAULT_LICENCE = "CC-BY-4.0";

    public CaseStudyContent {
        title = Map.copyOf(title);
        summary = summary == null ? Map.of() : Map.copyOf(summary);
        body = body == null ? Map.of() : Map.copyOf(body);
        serviceDomains = Set.copyOf(serviceDomains);
        steps = List.copyOf(steps);
        targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
        technologies = technologies == null ? Set.of() : Set.copyOf(technologies);
        partners = partners == null ? List.of() : List.copyOf(partners);
        inclusionMeasures = inclusionMeasures == null ? Map.of() : Map.copyOf(inclusionMeasures);
        lessonsLearned = lessonsLearned == null ? Map.of() : Map.copyOf(lessonsLearned);
        licence = licence == null ? DEFAULT_LICENCE : licence;
    }

    /** The same content without its contact, for readers who may not see it (anonymous ones). */
    public CaseStudyContent withoutContact() {
        return contact == null ? this
                : new CaseStudyContent(title, summary, body, serviceDomains, steps, stage, startDate, endDate, flags,
                        targetGroups, benefits, funding, businessModel, technologies, partners, inclusionMeasures,
                        lessonsLearned, null, licence);
    }

    /** A step up the staircase that the case study demonstrates: {@code toLevel} is one above {@code fromLevel}. */
    public record Step(Characteristic characteristic, MaturityLevel fromLevel, MaturityLevel toLevel) {
    }

    public enum Stage {
        PILOT, SCALING, CITY_WIDE
    }

    public record Flags(boolean scalable, boolean cloud, boolean integratedOffering, boolean openApi, boolean iot) {
    }

    /** A measured result: from {@code baseline} to {@code result} in {@code unit}, in {@code year}. */
    public record Benefit(@Nullable String indicatorCode, Map<String, String> description, @Nullable Double baseline,
            Double result, String unit, Integer year) {
    }

    /**
     * @param instruments        financing instrument codes of the reference data
     * @param publicSharePercent share of public money, 0–100; the rest is private
     */
    public record Funding(Set<String> instruments, @Nullable Double amount, @Nullable String currency,
            @Nullable Double publicSharePercent) {
    }

    public record Partner(String name, Map<String, String> role) {
    }

    /** Whom to ask about the project; personal data, shown to signed-in readers only. */
    public record Contact(String name, @Nullable String email) {
    }
}
