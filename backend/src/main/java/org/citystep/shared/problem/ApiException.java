package org.citystep.shared.problem;

import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure a feature reports to the caller as one of CityStep's problem types. Thrown from
 * services; the web layer turns it into problem+json without further mapping.
 */
public class ApiException extends ErrorResponseException {

    public ApiException(ProblemType type, String detail) {
        super(type.status(), Problems.of(type, detail), null);
    }

    private ApiException(ProblemDetail problem) {
        super(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
    }

    /** Input that is well-formed but breaks a rule only the service can check, field by field. */
    public static ApiException invalid(String detail, List<Problems.FieldProblem> errors) {
        return new ApiException(Problems.validation(detail, errors));
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(ProblemType.NOT_FOUND, "No " + what + " with id '" + id + "'.");
    }

    public static ApiException staleVersion(String what, String id, long sent, long current) {
        return new ApiException(ProblemType.STALE_VERSION, "The " + what + " '" + id + "' is at version "
                + current + " but the request was based on version " + sent
                + ". Reload it, reapply your change and send the new version.");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException serviceUnavailable(String detail) {
        return new ApiException(ProblemType.SERVICE_UNAVAILABLE, detail);
    }

    /** 503 for work beyond what this instance takes on at once, with {@code Retry-After: 1}. */
    public static ApiException busy(String detail) {
        ApiException busy = serviceUnavailable(detail);
        busy.getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, "1");
        return busy;
    }
}
