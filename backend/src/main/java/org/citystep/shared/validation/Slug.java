package org.citystep.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A URL slug id such as {@code beijing-haidian}: lower-case letters and digits joined by single hyphens. */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = Slug.PATTERN)
@Size(min = 2, max = Slug.MAX_LENGTH)
public @interface Slug {

    String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    int MAX_LENGTH = 64;

    @OverridesAttribute(constraint = Pattern.class, name = "message")
    String message() default "must be a slug: lower-case letters and digits joined by hyphens";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
