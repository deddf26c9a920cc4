package org.citystep.shared.problem;

import java.net.ConnectException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebInputException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import tools.jackson.core.JacksonException;

/**
 * Maps any failure to the problem the client sees. Unknown failures become a generic 500 whose
 * detail reveals nothing; they are logged here with their stack trace.
 */
final class ExceptionProblems {

    private static final Logger log = LoggerFactory.getLogger(ExceptionProblems.class);

    private ExceptionProblems() {
    }

    /** A problem and the headers that go with it (for example {@code Allow} on a 405). */
    record Answer(ProblemDetail problem, HttpHeaders headers) {
        static Answer of(ProblemDetail problem) {
            return new Answer(problem, HttpHeaders.EMPTY);
        }
    }

    static Answer toAnswer(Throwable ex, String method, String path) {
        if (ex instanceof WebExchangeBindException bind) {
            return Answer.of(Problems.validation("The request has " + bind.getErrorCount() + " invalid field(s).",
                    bind.getFieldErrors().stream().map(ExceptionProblems::fieldProblem).toList()));
        }
        if (ex instanceof HandlerMethodValidationException validation) {
            List<Problems.FieldProblem> errors = validation.getParameterValidationResults().stream()
                    .flatMap(result -> result instanceof ParameterErrors body
                            ? body.getFieldErrors().stream().map(ExceptionProblems::fieldProblem)
                            : result.getResolvableErrors().stream()
                                    .map(error -> new Problems.FieldProblem(result.getMethodParameter().getParameterName(),
                                            String.valueOf(error.getDefaultMessage()))))
                    .toList();
            return Answer.of(Problems.validation("The request has " + errors.size() + " invalid field(s).", errors));
        }
        Optional<DataBufferLimitException> tooLarge = cause(ex, DataBufferLimitException.class);
        if (tooLarge.isPresent()) {
            return Answer.of(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the size limit."));
        }
        if (ex instanceof ServerWebInputException input) {
            return Answer.of(inputProblem(input));
        }
        if (ex instanceof MethodNotAllowedException notAllowed) {
            ProblemDetail problem = Problems.of(ProblemType.METHOD_NOT_ALLOWED,
                    method + " is not supported here; use " + notAllowed.getSupportedMethods() + ".");
            return new Answer(problem, notAllowed.getHeaders());
        }
        if (ex instanceof ApiException api) {
            return new Answer(api.getBody(), api.getHeaders());
        }
        if (ex instanceof ErrorResponse response) {
            if (response.getStatusCode().is5xxServerError()) {
                log.error("Failure for {} {}", method, path, ex);
            }
            return new Answer(framed(response, method, path), response.getHeaders());
        }
        if (ex instanceof OptimisticLockingFailureException) {
            return Answer.of(Problems.of(ProblemType.STALE_VERSION,
                    "The resource was changed by someone else meanwhile. Reload it and apply your change again."));
        }
        if (ex instanceof DuplicateKeyException) {
            return Answer.of(Problems.of(ProblemType.CONFLICT, "A resource with the same identity already exists."));
        }
        if (ex instanceof AccessDeniedException) {
            return Answer.of(Problems.of(ProblemType.FORBIDDEN, "You are not allowed to do this."));
        }
        if (ex instanceof AuthenticationException) {
            return Answer.of(Problems.of(ProblemType.UNAUTHENTICATED, "A valid bearer token is required."));
        }
        if (isUnavailable(ex)) {
            log.warn("Backing service unavailable for {} {}: {}", method, path, ex.toString());
            return Answer.of(Problems.of(ProblemType.SERVICE_UNAVAILABLE,
                    "A backing service is temporarily unavailable. Try again shortly."));
        }
        log.error("Unexpected failure for {} {}", method, path, ex);
        return Answer.of(Problems.of(ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side. It has been logged."));
    }

    private static ProblemDetail inputProblem(ServerWebInputException input) {
        Optional<JacksonException> json = cause(input, JacksonException.class);
        if (json.isPresent()) {
            return JsonInputProblems.from(json.get());
        }
        if (cause(input, DecodingException.class).isPresent()) {
            return Problems.of(ProblemType.MALFORMED_REQUEST, "The request body could not be read.");
        }
        String reason = input.getReason() == null ? "The request could not be read." : input.getReason();
        if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
            String name = input.getMethodParameter().getParameterName();
            if (reason.contains("body")) {
                return Problems.of(ProblemType.MALFORMED_REQUEST, "A JSON request body is required.");
            }
            return Problems.validation("Parameter '" + name + "' is missing or has the wrong type.",
                    List.of(new Problems.FieldProblem(name, "is missing or has the wrong type")));
        }
        return Problems.of(ProblemType.MALFORMED_REQUEST, reason);
    }

    /** Keeps the framework's status and detail, and gives it a CityStep type and title. */
    private static ProblemDetail framed(ErrorResponse response, String method, String path) {
        ProblemType type = ProblemType.forStatus(response.getStatusCode());
        String detail = type == ProblemType.NOT_FOUND
                ? "Nothing is found at " + method + " " + path + "."
                : Optional.ofNullable(response.getBody().getDetail()).orElse(type.title());
        ProblemDetail problem = Problems.of(type, detail);
        problem.setStatus(response.getStatusCode().value());
        return problem;
    }

    private static Problems.FieldProblem fieldProblem(FieldError error) {
        String message = error.isBindingFailure() ? "has the wrong type" : String.valueOf(error.getDefaultMessage());
        return new Problems.FieldProblem(error.getField(), message);
    }

    private static boolean isUnavailable(Throwable ex) {
        return cause(ex, DataAccessResourceFailureException.class).isPresent()
                || cause(ex, MongoTimeoutException.class).isPresent()
                || cause(ex, MongoSocketException.class).isPresent()
                || cause(ex, ConnectException.class).isPresent()
                || cause(ex, TimeoutException.class).isPresent()
                || cause(ex, BackingServiceUnavailableException.class).isPresent();
    }

    static <T extends Throwable> Optional<T> cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
