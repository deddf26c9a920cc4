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

    /**
     * A city's evidence of one step.
     *
     * @param count how many of its published case studies show the step
     * @param first the first of them, best practice first
     */
    public record PerCity(long count, java.util.List<StepEvidence> first) {

        public PerCity {
            first = java.util.List.copyOf(first);
        }
    }
}
