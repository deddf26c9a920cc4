package org.citystep.shared.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.citystep.shared.i18n.MessageRef;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure reported to the caller as one of CityStep's problem types. Thrown from services and
 * from the web layer's own checks; it carries message codes, not sentences, and is put in the
 * reader's language ({@code Accept-Language}) only when the response is written.
 */
public class ApiException extends ErrorResponseException {

    private final ProblemType type;
    private final HttpStatusCode status;
    private final String code;
    private final Object[] args;
    private final List<Problems.FieldMessage> errors;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    /** A problem of {@code type} whose detail is the message {@code code} (from the {@code i18n/messages} bundles). */
    public ApiException(ProblemType type, String code, Object... args) {
        this(type, code, args, List.of());
    }

    private ApiException(ProblemType type, String code, Object[] args, List<Problems.FieldMessage> errors) {
        this(type, type.status(), code, args, errors);
    }

    private ApiException(ProblemType type, HttpStatusCode status, String code, Object[] args,
            List<Problems.FieldMessage> errors) {
        super(status, ProblemDetail.forStatus(status), null);
        this.type = type;
        this.status = status;
        this.code = code;
        this.args = args.clone();
        this.errors = List.copyOf(errors);
        getBody().setType(type.uri());
    }

    /** A framework failure's status that no type of its own explains, under the generic {@code type}. */
    static ApiException withStatus(ProblemType type, HttpStatusCode status, String code, Object... args) {
        return new ApiException(type, status, code, args, List.of());
    }

    /** Input that is well-formed but breaks rules, field by field. */
    public static ApiException invalid(String code, List<Problems.FieldMessage> errors, Object... args) {
        return new ApiException(ProblemType.VALIDATION_FAILED, code, args, errors);
    }

    /** No {@code resource} (a {@code resource.*} message code's last part, such as {@code city}) with {@code id}. */
    public static ApiException notFound(String resource, String id) {
        return new ApiException(ProblemType.NOT_FOUND, "problem.notFound", new MessageRef("resource." + resource), id);
    }

    public static ApiException staleVersion(String resource, String id, long sent, long current) {
        return new ApiException(ProblemType.STALE_VERSION, "problem.staleVersion",
                new MessageRef("resource." + resource), id, current, sent);
    }

    public static ApiException forbidden(String code, Object... args) {
        return new ApiException(ProblemType.FORBIDDEN, code, args);
    }

    public static ApiException conflict(String code, Object... args) {
        return new ApiException(ProblemType.CONFLICT, code, args);
    }

    public static ApiException serviceUnavailable(String code, Object... args) {
        return new ApiException(ProblemType.SERVICE_UNAVAILABLE, code, args);
    }

    /** 503 for work beyond what this instance takes on at once, with {@code Retry-After: 1}. */
    public static ApiException busy(String code, Object... args) {
        ApiException busy = serviceUnavailable(code, args);
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return busy;
    }

    /**
     * Adds a property a client may branch on beside the detail (e.g. the date a request may be sent
     * again); values are written as they are (no translation).
     */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public ProblemType type() {
        return type;
    }

    public String code() {
        return code;
    }

    /** The problem as a reader of {@code locale} gets it: title, detail and field messages in that language. */
    public ProblemDetail localized(MessageSource messages, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type.uri());
        problem.setTitle(messages.getMessage(type.titleCode(), null, type.title(), locale));
        problem.setDetail(messages.getMessage(code, args, code, locale));
        problem.setInstance(getBody().getInstance());
        properties.forEach(problem::setProperty);
        if (!errors.isEmpty() || type == ProblemType.VALIDATION_FAILED) {
            problem.setProperty(Problems.ERRORS, errors.stream().map(error -> new Problems.FieldProblem(error.field(),
                    error.code() == null ? String.valueOf(error.text())
                            : messages.getMessage(error.code(), error.args().toArray(), error.code(), locale)))
                    .toList());
        }
        return problem;
    }

    @Override
    public String getMessage() {
        return type + " " + code + (args.length == 0 ? "" : " " + Arrays.toString(args));
    }
}
