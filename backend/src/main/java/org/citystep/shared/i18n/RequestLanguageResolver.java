package org.citystep.shared.i18n;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Resolves every request's locale to English or Simplified Chinese ({@link AnswerLanguage}). The
 * framework's default resolver throws on a malformed {@code Accept-Language} and passes locales
 * that no bundle covers on to the validator.
 */
final class RequestLanguageResolver implements LocaleContextResolver {

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        Locale locale = AnswerLanguage.forHeader(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        return new SimpleLocaleContext(locale);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, @org.jspecify.annotations.Nullable LocaleContext localeContext) {
        throw new UnsupportedOperationException("The answer language follows the Accept-Language header");
    }
}
