package org.citystep.shared.i18n;

import java.util.Locale;
import java.util.function.Function;

import org.citystep.shared.explain.Reason;

/** Sentences from the message bundles, for code that builds what a person reads. */
public final class Messages {

    private final IcuMessageSource source;

    public Messages(IcuMessageSource source) {
        this.source = source;
    }

    /** The message {@code code} in the answer language {@code locale}. */
    public String get(String code, Locale locale, Object... args) {
        return source.getMessage(code, args, AnswerLanguage.of(locale));
    }

    /** The message {@code code} in English and in Chinese, with the same arguments in both. */
    public Reason both(String code, Object... args) {
        return new Reason(get(code, AnswerLanguage.ENGLISH, args), get(code, AnswerLanguage.CHINESE, args));
    }

    /**
     * The message {@code code} in English and in Chinese, with arguments that themselves depend on
     * the language (names of levels, characteristics, titles), given the content key {@code en}/{@code zh}.
     */
    public Reason both(String code, Function<String, Object[]> argsInLanguage) {
        return new Reason(get(code, AnswerLanguage.ENGLISH, argsInLanguage.apply("en")),
                get(code, AnswerLanguage.CHINESE, argsInLanguage.apply("zh")));
    }
}
