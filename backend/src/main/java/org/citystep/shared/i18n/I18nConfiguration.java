package org.citystep.shared.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** The message bundles and the per-request answer language. */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    /** Named as the context's message source, so Spring and Hibernate Validator use it too. */
    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    static IcuMessageSource messageSource() {
        return new IcuMessageSource();
    }

    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    static LocaleContextResolver localeContextResolver() {
        return new RequestLanguageResolver();
    }

    @Bean
    static Messages messages(IcuMessageSource messageSource) {
        return new Messages(messageSource);
    }
}
