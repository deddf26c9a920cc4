package org.citystep.shared.problem;

import java.util.List;

import org.springframework.http.ProblemDetail;

/** Builds {@link ProblemDetail}s of CityStep's types; the one place their shape is decided. */
public final class Problems {

    /** Property holding field errors of a {@link ProblemType#VALIDATION_FAILED} problem. */
    public static final String ERRORS = "errors";

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    public static ProblemDetail validation(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(ProblemType.VALIDATION_FAILED, detail);
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    /** One invalid field: a JSON-pointer-like dotted path and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
