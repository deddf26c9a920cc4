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

/**
 * Longer free text shown as text: no HTML or XML tags, no control characters other than line
 * breaks and tabs. Unlike {@link PlainText} it allows a lone {@code <} as in "&lt; 20 Mbit/s".
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = "(?s)(?!.*<[a-zA-Z/!?])[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*")
public @interface NoMarkup {

    @OverridesAttribute(constraint = Pattern.class, name = "message")
    String message() default "{citystep.validation.NoMarkup}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
