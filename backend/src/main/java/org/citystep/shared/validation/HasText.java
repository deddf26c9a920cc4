package org.citystep.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A per-language text map that holds English ({@code en}) or Simplified Chinese ({@code zh}), or
 * both: either language is enough, and readers of the other see it marked with its language.
 */
@Documented
@Constraint(validatedBy = HasText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface HasText {

    String message() default "{citystep.validation.HasText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HasText, Map<String, ?>> {
        @Override
        public boolean isValid(Map<String, ?> value, ConstraintValidatorContext context) {
            return value == null || value.containsKey("en") || value.containsKey("zh");
        }
    }
}
