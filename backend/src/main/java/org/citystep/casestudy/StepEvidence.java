package org.citystep.casestudy;

import java.util.Map;

/**
 * A published case study as evidence that its city has taken {@code step}.
 *
 * @param title per language
 */
public record StepEvidence(String id, String cityId, Map<String, String> title, boolean bestPractice,
        CaseStudyContent.Step step) {

    public StepEvidence {
        title = Map.copyOf(title);
    }
}
