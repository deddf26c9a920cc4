package org.citystep.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A generated data set for scale tests, loaded instead of the demo set on a database without
 * cities when {@code cities} is above 0. The totals include the demo set it starts from (30 pilot
 * cities, 54 case studies, 6 experts), so {@code cities} must be at least 30.
 *
 * @param cities      cities in total, each with a validated self-assessment
 * @param caseStudies case studies in total, in every curation state
 * @param experts     experts in total, most approved
 * @param seed        the same seed gives the same data
 */
@ConfigurationProperties("citystep.generate")
record GeneratorProperties(int cities, int caseStudies, int experts, long seed) {

    boolean enabled() {
        return cities > 0;
    }
}
