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

/** A per-language text map that must hold an English ({@code en}) entry, the fallback for every reader. */
@Documented
@Constraint(validatedBy = HasEnglish.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface HasEnglish {

    String message() default "must include English (key 'en')";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HasEnglish, Map<String, ?>> {
        @Override
        public boolean isValid(Map<String, ?> value, ConstraintValidatorContext context) {
            return value == null || value.containsKey("en");
        }
    }
}
