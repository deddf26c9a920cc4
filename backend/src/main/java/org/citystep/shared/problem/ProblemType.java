package org.citystep.shared.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The stable problem types CityStep answers with. Clients branch on {@link #uri()}, never on the
 * human-readable detail. The README lists them.
 */
public enum ProblemType {

    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "The request could not be read"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict with the current state"),
    STALE_VERSION(HttpStatus.CONFLICT, "stale-version", "The resource was changed by someone else"),
    ASSESSMENT_NEEDED(HttpStatus.CONFLICT, "assessment-needed", "A validated self-assessment is needed first"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "A backing service is unavailable"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Request limit reached"),
    EXCHANGE_PEER_NOT_ONE_STEP_AHEAD(HttpStatus.UNPROCESSABLE_CONTENT, "exchange-peer-not-one-step-ahead",
            "The peer is not one step ahead"),
    EXCHANGE_LIMIT(HttpStatus.TOO_MANY_REQUESTS, "exchange-limit", "Too many open exchange requests"),
    EXCHANGE_DECLINED_RECENTLY(HttpStatus.CONFLICT, "exchange-declined-recently", "Declined recently"),
    EXCHANGE_ALREADY_OPEN(HttpStatus.CONFLICT, "exchange-already-open", "The same request is open"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Unexpected error");

    private static final String PREFIX = "urn:citystep:problem:";

    private final HttpStatus status;
    private final URI uri;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.uri = URI.create(PREFIX + slug);
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    /** The English title, used where no bundle is at hand. */
    public String title() {
        return title;
    }

    /** The message code of the title in the bundles. */
    public String titleCode() {
        return "problem.title." + slug;
    }

    /** The generic type for a status that no more specific type explains. */
    public static ProblemType forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status.is4xxClientError() ? MALFORMED_REQUEST : INTERNAL_ERROR;
        };
    }
}
