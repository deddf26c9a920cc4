package org.citystep.shared.validation;

import java.text.Normalizer;
import java.util.Locale;

/** Derives {@link Slug} ids from names. */
public final class Slugs {

    private Slugs() {
    }

    /** {@code "São Paulo"} → {@code sao-paulo}; {@code "Beijing (Haidian)"} → {@code beijing-haidian}. */
    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > Slug.MAX_LENGTH ? slug.substring(0, Slug.MAX_LENGTH).replaceAll("-+$", "") : slug;
    }
}
