package org.citystep.shared.problem;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.ProblemDetail;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Explains why a JSON body could not be bound, naming the field, without echoing parser internals
 * (class names, source locations) to the client.
 */
final class JsonInputProblems {

    private JsonInputProblems() {
    }

    static ProblemDetail from(JacksonException ex) {
        String field = path(ex);
        if (ex instanceof PropertyBindingException unknown) {
            String name = field.isEmpty() ? unknown.getPropertyName() : field;
            return Problems.validation("Unknown field '" + name + "'.",
                    List.of(new Problems.FieldProblem(name, "is not a known field")));
        }
        if (ex instanceof InvalidFormatException invalid) {
            String expected = describe(invalid.getTargetType());
            return Problems.validation("Field '" + field + "' must be " + expected + ".",
                    List.of(new Problems.FieldProblem(field, "must be " + expected)));
        }
        if (ex instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            String expected = describe(mismatch.getTargetType());
            return Problems.validation("Field '" + field + "' must be " + expected + ".",
                    List.of(new Problems.FieldProblem(field, "must be " + expected)));
        }
        if (ex instanceof StreamReadException) {
            return Problems.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON.");
        }
        return Problems.of(ProblemType.MALFORMED_REQUEST,
                "The request body does not have the expected structure.");
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        return "an object";
    }
}
