package org.citystep.shared.mongo;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.stereotype.Component;

/**
 * MongoDB field names cannot contain dots, but some map keys do (question codes such as
 * {@code FUNDING.Q1}). The converter stores such a dot as a full-width full stop, which no code
 * contains, and turns it back into a dot on reading.
 */
@Component
class MapKeyEscaping implements BeanPostProcessor {

    static final String DOT_REPLACEMENT = "\uFF0E";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof MappingMongoConverter converter) {
            converter.setMapKeyDotReplacement(DOT_REPLACEMENT);
        }
        return bean;
    }
}
