package org.citystep.shared.problem;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The shape of CityStep's problem details, shared by everything that reports one. */
public final class Problems {

    /** Property holding field errors of a {@link ProblemType#VALIDATION_FAILED} problem. */
    public static final String ERRORS = "errors";

    private Problems() {
    }

    /** One invalid field as the client reads it: a JSON-pointer-like dotted path and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    /**
     * One invalid field before it is put in the reader's language: a message code and its
     * arguments, or ({@code code} null) a text already in that language, such as Bean Validation's.
     */
    public record FieldMessage(String field, @Nullable String code, @Nullable String text, List<Object> args) {

        public static FieldMessage of(String field, String code, Object... args) {
            return new FieldMessage(field, code, null, List.of(args));
        }

        static FieldMessage literal(String field, String text) {
            return new FieldMessage(field, null, text, List.of());
        }
    }
}
