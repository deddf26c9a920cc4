package org.citystep.shared.validation;

import java.util.Locale;

import com.ibm.icu.text.Transliterator;

/** Derives {@link Slug} ids from names in any script. */
public final class Slugs {

    /**
     * Chinese characters to pinyin (ICU's Han-Latin transliteration, one syllable per character),
     * then any Latin letter to plain ASCII. Transliterators are stateless and safe to share.
     */
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Han-Latin; Latin-ASCII");

    private Slugs() {
    }

    /**
     * {@code "São Paulo"} → {@code sao-paulo}; {@code "Beijing (Haidian)"} → {@code beijing-haidian};
     * {@code "智慧停车"} → {@code zhi-hui-ting-che}.
     */
    public static String of(String name) {
        String ascii = TO_ASCII.transliterate(name);
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > Slug.MAX_LENGTH ? slug.substring(0, Slug.MAX_LENGTH).replaceAll("-+$", "") : slug;
    }
}
