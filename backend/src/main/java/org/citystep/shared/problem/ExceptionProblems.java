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
 * Maps any failure to the problem the client sees, as message codes the response writer puts in the
 * reader's language. Unknown failures become a generic 500 whose detail reveals nothing; they are
 * logged here with their stack trace.
 */
final class ExceptionProblems {

    private static final Logger log = LoggerFactory.getLogger(ExceptionProblems.class);

    private ExceptionProblems() {
    }

    /** The problem for {@code ex}, with the headers it needs (for example {@code Allow} on a 405). */
    static ApiException toProblem(Throwable ex, String method, String path) {
        if (ex instanceof ApiException api) {
            return api;
        }
        if (ex instanceof WebExchangeBindException bind) {
            return ApiException.invalid("problem.invalidFields",
                    bind.getFieldErrors().stream().map(ExceptionProblems::fieldProblem).toList(), bind.getErrorCount());
        }
        if (ex instanceof HandlerMethodValidationException validation) {
            List<Problems.FieldMessage> errors = validation.getParameterValidationResults().stream()
                    .flatMap(result -> result instanceof ParameterErrors body
                            ? body.getFieldErrors().stream().map(ExceptionProblems::fieldProblem)
                            : result.getResolvableErrors().stream()
                                    .map(error -> Problems.FieldMessage.literal(result.getMethodParameter().getParameterName(),
                                            String.valueOf(error.getDefaultMessage()))))
                    .toList();
            return ApiException.invalid("problem.invalidFields", errors, errors.size());
        }
        if (cause(ex, DataBufferLimitException.class).isPresent()) {
            return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "problem.payloadTooLarge");
        }
        if (ex instanceof ServerWebInputException input) {
            return inputProblem(input);
        }
        if (ex instanceof MethodNotAllowedException notAllowed) {
            ApiException problem = new ApiException(ProblemType.METHOD_NOT_ALLOWED, "problem.methodNotAllowed",
                    method, String.valueOf(notAllowed.getSupportedMethods()));
            problem.getHeaders().addAll(notAllowed.getHeaders());
            return problem;
        }
        if (ex instanceof ErrorResponse response) {
            if (response.getStatusCode().is5xxServerError()) {
                log.error("Failure for {} {}", method, path, ex);
            }
            ApiException problem = framed(response, method, path);
            problem.getHeaders().addAll(response.getHeaders());
            return problem;
        }
        if (ex instanceof OptimisticLockingFailureException) {
            return new ApiException(ProblemType.STALE_VERSION, "problem.changedMeanwhile");
        }
        if (ex instanceof DuplicateKeyException) {
            return new ApiException(ProblemType.CONFLICT, "problem.duplicate");
        }
        if (ex instanceof AccessDeniedException) {
            return ApiException.forbidden("problem.forbidden");
        }
        if (ex instanceof AuthenticationException) {
            return new ApiException(ProblemType.UNAUTHENTICATED, "problem.unauthenticated");
        }
        if (isUnavailable(ex)) {
            log.warn("Backing service unavailable for {} {}: {}", method, path, ex.toString());
            ApiException unavailable = ApiException.serviceUnavailable("problem.backingServiceUnavailable");
            unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            return unavailable;
        }
        log.error("Unexpected failure for {} {}", method, path, ex);
        return new ApiException(ProblemType.INTERNAL_ERROR, "problem.internal");
    }

    private static ApiException inputProblem(ServerWebInputException input) {
        Optional<JacksonException> json = cause(input, JacksonException.class);
        if (json.isPresent()) {
            return JsonInputProblems.from(json.get());
        }
        if (cause(input, DecodingException.class).isPresent()) {
            return new ApiException(ProblemType.MALFORMED_REQUEST, "problem.unreadableBody");
        }
        if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
            String name = input.getMethodParameter().getParameterName();
            String reason = String.valueOf(input.getReason());
            if (reason.contains("body")) {
                return new ApiException(ProblemType.MALFORMED_REQUEST, "problem.bodyRequired");
            }
            return ApiException.invalid("problem.parameterWrongType",
                    List.of(Problems.FieldMessage.of(name, "field.missingOrWrongType")), name);
        }
        return new ApiException(ProblemType.MALFORMED_REQUEST, "problem.unreadableRequest");
    }

    /** Keeps the framework's status, and gives it a CityStep type, title and detail. */
    private static ApiException framed(ErrorResponse response, String method, String path) {
        ProblemType type = ProblemType.forStatus(response.getStatusCode());
        return switch (type) {
            case NOT_FOUND -> new ApiException(type, "problem.noRoute", method, path);
            case NOT_ACCEPTABLE -> new ApiException(type, "problem.notAcceptable");
            case UNSUPPORTED_MEDIA_TYPE -> new ApiException(type, "problem.unsupportedMediaType");
            default -> ApiException.withStatus(type, response.getStatusCode(), "problem.status", response.getStatusCode().value());
        };
    }

    private static Problems.FieldMessage fieldProblem(FieldError error) {
        return error.isBindingFailure() ? Problems.FieldMessage.of(error.getField(), "field.wrongType")
                : Problems.FieldMessage.literal(error.getField(), String.valueOf(error.getDefaultMessage()));
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
