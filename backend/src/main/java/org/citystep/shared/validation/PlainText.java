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
 * A plain-text field: no markup and no control characters. Such fields are shown as text
 * everywhere, so angle brackets can only be an attempt at injection.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = "[^<>\\p{Cntrl}]*")
public @interface PlainText {

    @OverridesAttribute(constraint = Pattern.class, name = "message")
    String message() default "{citystep.validation.PlainText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
