package org.citystep.shared.web;

import java.util.List;
import java.util.Optional;

import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.citystep.shared.problem.Problems;
import org.jspecify.annotations.Nullable;

/** The rules every {@code PUT} of a versioned resource shares, checked before anything is read. */
public final class Replacements {

    private Replacements() {
    }

    /**
     * Why a replacement of {@code pathId} cannot be applied as sent: no {@code version} (a concurrent
     * change would be overwritten), or a body naming another id. Empty when it can.
     */
    public static Optional<ApiException> problem(String pathId, @Nullable String bodyId, @Nullable Long version) {
        if (version == null) {
            return Optional.of(ApiException.invalid("problem.versionRequired",
                    List.of(Problems.FieldMessage.of("version", "field.required"))));
        }
        if (bodyId != null && !bodyId.equals(pathId)) {
            return Optional.of(new ApiException(ProblemType.VALIDATION_FAILED, "problem.idMismatch", bodyId, pathId));
        }
        return Optional.empty();
    }
}
