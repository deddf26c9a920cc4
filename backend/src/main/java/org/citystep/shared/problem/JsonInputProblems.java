package org.citystep.shared.problem;

import java.util.List;
import java.util.stream.Collectors;

import org.citystep.shared.i18n.MessageRef;

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

    static ApiException from(JacksonException ex) {
        String field = path(ex);
        if (ex instanceof PropertyBindingException unknown) {
            String name = field.isEmpty() ? unknown.getPropertyName() : field;
            return ApiException.invalid("problem.unknownField", List.of(Problems.FieldMessage.of(name, "field.unknown")), name);
        }
        if (ex instanceof InvalidFormatException invalid) {
            return wrongType(field, invalid.getTargetType());
        }
        if (ex instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            return wrongType(field, mismatch.getTargetType());
        }
        if (ex instanceof StreamReadException) {
            return new ApiException(ProblemType.MALFORMED_REQUEST, "problem.invalidJson");
        }
        return new ApiException(ProblemType.MALFORMED_REQUEST, "problem.unexpectedStructure");
    }

    private static ApiException wrongType(String field, Class<?> type) {
        String expected = expected(type);
        String values = type != null && type.isEnum() ? List.of(type.getEnumConstants()).toString() : "";
        return ApiException.invalid("problem.fieldWrongType",
                List.of(Problems.FieldMessage.of(field, expected, values)), field, new MessageRef(expected, values));
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The message code saying what {@code type} expects. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "field.mustBe.other";
        }
        if (type.isEnum()) {
            return "field.mustBe.oneOf";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "field.mustBe.string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "field.mustBe.number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "field.mustBe.boolean";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "field.mustBe.array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "field.mustBe.dateTime";
        }
        return "field.mustBe.object";
    }
}
