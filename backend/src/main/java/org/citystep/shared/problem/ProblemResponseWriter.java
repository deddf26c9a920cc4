package org.citystep.shared.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.citystep.shared.i18n.AnswerLanguage;
import org.springframework.context.MessageSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes a problem+json response outside of controllers (security entry points, the global error
 * handler), through the same message writers controllers use, so every error looks the same, in
 * the reader's language.
 */
@Component
public class ProblemResponseWriter {

    private final ServerResponse.Context context;
    private final MessageSource messages;

    public ProblemResponseWriter(ServerCodecConfigurer codecs, MessageSource messages) {
        this.messages = messages;
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    /** Writes {@code failure} in the request's answer language, with the headers it carries. */
    public Mono<Void> write(ServerWebExchange exchange, ApiException failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        Locale locale = AnswerLanguage.of(exchange.getLocaleContext().getLocale());
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(failure.getHeaders());
        headers.set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        return write(exchange, failure.localized(messages, locale), headers);
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return ServerResponse.status(problem.getStatus())
                .headers(h -> h.addAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }
}
