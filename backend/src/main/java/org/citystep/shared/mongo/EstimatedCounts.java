package org.citystep.shared.mongo;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * A count without a filter ({@code repository.count()}) asks the collection's size with the
 * {@code count} command, not with a {@code countDocuments} aggregation. On the embedded server an
 * aggregation first reads every document of the collection into memory: counting 100k case
 * studies before a search rebuild ran a 512 MB heap out. A real MongoDB answers from its metadata.
 */
@Configuration(proxyBeanMethods = false)
class EstimatedCounts {

    @Bean
    static BeanPostProcessor estimatedCountsForUnfilteredQueries() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ReactiveMongoTemplate template) {
                    template.useEstimatedCount(true);
                }
                return bean;
            }
        };
    }
}
