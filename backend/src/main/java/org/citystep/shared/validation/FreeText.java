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
 * Text a person writes to another (a message, a reason, what was learnt): any characters but control
 * characters other than line breaks and tabs. Markup is not refused but kept as it was written:
 * such text is always shown as text, never as HTML, so {@code <b>} is just four characters.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = "(?s)[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*")
public @interface FreeText {

    @OverridesAttribute(constraint = Pattern.class, name = "message")
    String message() default "{citystep.validation.FreeText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
