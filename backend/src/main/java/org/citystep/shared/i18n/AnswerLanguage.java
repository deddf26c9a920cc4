package org.citystep.shared.i18n;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The language CityStep answers a request in: Simplified Chinese when the reader prefers any
 * Chinese over English, English otherwise. Any header value is accepted; one that cannot be parsed
 * (browsers and proxies send odd ones) counts as no preference.
 */
public final class AnswerLanguage {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    /** Longer headers are not read: no browser sends one, and parsing must stay cheap. */
    private static final int MAX_HEADER_LENGTH = 512;

    private AnswerLanguage() {
    }

    /** The answer language for an {@code Accept-Language} header value (absent, valid, unknown or malformed). */
    public static Locale forHeader(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER_LENGTH) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        }
        catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            String primary = primary(range.getRange());
            if (primary.equals("zh")) {
                return CHINESE;
            }
            if (primary.equals("en")) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }

    /** English or Simplified Chinese for any locale. */
    public static Locale of(@Nullable Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** The content language key ({@code en} or {@code zh}) of the answer language {@code locale}. */
    public static String contentKey(Locale locale) {
        return of(locale) == CHINESE ? "zh" : "en";
    }

    private static String primary(String range) {
        int dash = range.indexOf('-');
        return (dash < 0 ? range : range.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
