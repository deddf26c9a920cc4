package org.citystep.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A URL slug id such as {@code beijing-haidian}: 2 to {@value #MAX_LENGTH} lower-case letters and
 * digits joined by single hyphens. Checked by a scan, length first: the regular expression it
 * replaces, {@code [a-z0-9]+(-[a-z0-9]+)*}, recursed once per hyphen and overflowed the stack on
 * 3,000 {@code a-} pairs, which dropped the connection without an answer.
 */
@Documented
@Constraint(validatedBy = Slug.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Slug {

    /** The same rule as a regular expression, for documentation (OpenAPI) and for the front end. */
    String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    int MAX_LENGTH = 64;

    String message() default "{citystep.validation.Slug}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Slug, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isSlug(value);
        }

        /** Whether {@code value} is a slug; constant stack, and nothing read past {@value Slug#MAX_LENGTH} characters. */
        static boolean isSlug(String value) {
            int length = value.length();
            if (length < 2 || length > MAX_LENGTH || value.charAt(0) == '-' || value.charAt(length - 1) == '-') {
                return false;
            }
            char previous = 'a';
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                if (!letterOrDigit && (c != '-' || previous == '-')) {
                    return false;
                }
                previous = c;
            }
            return true;
        }
    }
}
