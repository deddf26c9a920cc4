package org.citystep.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.casestudy.CaseStudyContent;
import org.citystep.casestudy.CaseStudyStatus;
import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;

/** The shape of {@code seed/case-studies.json}. */
record CaseStudySeedFile(Map<String, String> note, List<SeedCaseStudy> caseStudies) {

    record SeedCaseStudy(String id, String cityId, CaseStudyStatus status, boolean bestPractice,
            @Nullable List<String> awards, Map<String, String> title, Map<String, String> summary,
            Map<String, String> body, Set<ServiceDomain> serviceDomains, List<CaseStudyContent.Step> steps,
            CaseStudyContent.Stage stage, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
            CaseStudyContent.Flags flags, @Nullable Set<String> targetGroups,
            @Nullable List<CaseStudyContent.Benefit> benefits, CaseStudyContent.@Nullable Funding funding,
            @Nullable String businessModel, @Nullable Set<String> technologies,
            @Nullable List<CaseStudyContent.Partner> partners, @Nullable Map<String, String> inclusionMeasures,
            @Nullable Map<String, String> lessonsLearned, CaseStudyContent.@Nullable Contact contact,
            @Nullable String licence, @Nullable LocalDate lastVerified) {

        CaseStudyContent content() {
            return new CaseStudyContent(title, summary, body, serviceDomains, steps, stage, startDate, endDate, flags,
                    targetGroups, benefits, funding, businessModel, technologies, partners, inclusionMeasures,
                    lessonsLearned, contact, licence);
        }
    }
}
