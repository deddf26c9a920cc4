package org.citystep.shared.validation;

import java.util.Locale;
import java.util.Set;

import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.validation.beanvalidation.MessageSourceResourceBundleLocator;

import jakarta.validation.MessageInterpolator;

/**
 * Bean Validation with its message bundles loaded at start-up, in the languages CityStep speaks:
 * Hibernate Validator's own, and CityStep's constraint messages from its message source.
 * Hibernate Validator otherwise reads them from its jar on first use, which would block an
 * event-loop thread during a request. Spring hands the interpolator the request's locale (from
 * {@code Accept-Language}); one the bundles were not loaded for made Hibernate Validator throw
 * (HV000250), a 500 for every browser set to German or to zh-CN. {@link SupportedLocales} maps any
 * locale to English or Simplified Chinese first.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    static LocalValidatorFactoryBean defaultValidator(MessageSource messageSource) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setMessageInterpolator(new SupportedLocales(new ResourceBundleMessageInterpolator(
                new MessageSourceResourceBundleLocator(messageSource), Set.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE),
                Locale.ENGLISH, context -> Locale.ENGLISH, true)));
        return validator;
    }

    /** Loads the transliteration rules at start-up, not in the first request that derives an id. */
    @Bean
    static SmartInitializingSingleton slugTransliteration() {
        return () -> Slugs.of("智慧城市 São Paulo");
    }

    /** Interpolates in Simplified Chinese for any {@code zh} locale and in English for every other. */
    static final class SupportedLocales implements MessageInterpolator {

        private final MessageInterpolator bundles;

        SupportedLocales(MessageInterpolator bundles) {
            this.bundles = bundles;
        }

        static Locale supported(Locale requested) {
            return "zh".equals(requested.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        }

        @Override
        public String interpolate(String messageTemplate, Context context) {
            return bundles.interpolate(messageTemplate, context, Locale.ENGLISH);
        }

        @Override
        public String interpolate(String messageTemplate, Context context, Locale locale) {
            return bundles.interpolate(messageTemplate, context, supported(locale));
        }
    }
}
