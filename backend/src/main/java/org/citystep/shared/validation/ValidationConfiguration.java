package org.citystep.shared.validation;

import java.util.Locale;
import java.util.Set;

import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Bean Validation with its message bundles loaded at start-up. Hibernate Validator otherwise reads
 * them from its jar on first use, which would block an event-loop thread during a request.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    static LocalValidatorFactoryBean defaultValidator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        // messages in problem responses are English, whatever the server's default locale
        validator.setMessageInterpolator(new ResourceBundleMessageInterpolator(Set.of(Locale.ENGLISH), Locale.ENGLISH,
                context -> Locale.ENGLISH, true));
        return validator;
    }
}
