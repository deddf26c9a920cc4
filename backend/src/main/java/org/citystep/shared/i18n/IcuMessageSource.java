package org.citystep.shared.i18n;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/**
 * Messages from the {@code i18n/messages} bundles in English and Simplified Chinese, formatted with
 * ICU's MessageFormat (plural and select forms, locale-aware numbers). The bundles are read once at
 * start-up, so no request reads a file. Asked with no argument array at all ({@code null}), a code
 * gives its pattern as written, so Hibernate Validator can fill in its own placeholders. A code
 * missing in Chinese falls back to English; a test keeps both bundles complete.
 */
public final class IcuMessageSource implements MessageSource {

    public static final String BASENAME = "i18n/messages";
    /** Bean Validation's messages: Hibernate Validator interpolates them, with its own placeholder syntax. */
    static final String VALIDATION_PREFIX = "citystep.validation.";

    private final Map<Locale, Map<String, String>> patterns = new HashMap<>();
    private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

    public IcuMessageSource() {
        for (Locale locale : AnswerLanguage.SUPPORTED) {
            Map<String, String> bundle = load(locale);
            patterns.put(locale, bundle);
            // compiled now: a broken pattern fails the start, and ICU reads its locale data (plural
            // rules, number formats) from its jar here rather than on an event-loop thread
            Map<String, MessageFormat> compiled = new ConcurrentHashMap<>();
            bundle.forEach((code, pattern) -> {
                if (!code.startsWith(VALIDATION_PREFIX)) {
                    MessageFormat format = new MessageFormat(pattern, ULocale.forLocale(locale));
                    format.format(new Object[] {1, 1, 1, 1});
                    compiled.put(code, format);
                }
            });
            formats.put(locale, compiled);
        }
    }

    /** The bundle of {@code locale} as written, without fallback (for tests that compare the languages). */
    public static Map<String, String> load(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BASENAME, locale, IcuMessageSource.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> own = new HashMap<>();
        for (String key : bundle.keySet()) {
            own.put(key, bundle.getString(key));
        }
        return Map.copyOf(own);
    }

    @Override
    public @Nullable String getMessage(String code, Object @Nullable [] args, @Nullable String defaultMessage,
            @Nullable Locale locale) {
        String message = resolve(code, args, locale);
        return message != null ? message : defaultMessage;
    }

    @Override
    public String getMessage(String code, Object @Nullable [] args, @Nullable Locale locale) {
        String message = resolve(code, args, locale);
        if (message == null) {
            throw new NoSuchMessageException(code, locale);
        }
        return message;
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, @Nullable Locale locale) {
        String[] codes = resolvable.getCodes();
        if (codes != null) {
            for (String code : codes) {
                String message = resolve(code, resolvable.getArguments(), locale);
                if (message != null) {
                    return message;
                }
            }
        }
        if (resolvable.getDefaultMessage() != null) {
            return resolvable.getDefaultMessage();
        }
        throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[codes.length - 1], locale);
    }

    /** Arguments that are messages themselves are put in the same language first. */
    private Object[] resolveArguments(Object[] args, Locale locale) {
        Object[] resolved = args.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof MessageSourceResolvable nested) {
                resolved[i] = getMessage(nested, locale);
            }
        }
        return resolved;
    }

    private @Nullable String resolve(String code, Object @Nullable [] args, @Nullable Locale requested) {
        Locale locale = AnswerLanguage.of(requested);
        String pattern = patterns.get(locale).get(code);
        if (pattern == null && locale != AnswerLanguage.ENGLISH) {
            locale = AnswerLanguage.ENGLISH;
            pattern = patterns.get(locale).get(code);
        }
        if (pattern == null) {
            return null;
        }
        if (args == null) {
            return pattern;
        }
        Locale chosen = locale;
        Object[] resolved = resolveArguments(args, chosen);
        MessageFormat format = formats.get(chosen)
                .computeIfAbsent(code, c -> new MessageFormat(patterns.get(chosen).get(c), ULocale.forLocale(chosen)));
        // MessageFormat instances are not thread-safe
        synchronized (format) {
            return format.format(resolved);
        }
    }
}
