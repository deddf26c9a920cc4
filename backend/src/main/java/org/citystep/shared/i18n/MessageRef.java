package org.citystep.shared.i18n;

import org.springframework.context.MessageSourceResolvable;

/**
 * A message to be put in the reader's language later, for example an argument of another message
 * ("No {0} with id …", where {0} is "city" or "城市").
 */
public record MessageRef(String code, Object... args) implements MessageSourceResolvable {

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args;
    }

    @Override
    public String getDefaultMessage() {
        return code;
    }
}
