package org.citystep.shared.language;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * BCP 47 language tags reduced to what matching compares: the primary language. {@code zh-CN},
 * {@code zh-Hans} and {@code ZH} are all {@code zh}, so an expert who writes {@code zh-CN} matches a
 * city working in {@code zh}.
 */
public final class LanguageTags {

    private LanguageTags() {
    }

    public static String primary(String tag) {
        int dash = tag.indexOf('-');
        int underscore = tag.indexOf('_');
        int end = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
        return (end < 0 ? tag : tag.substring(0, end)).trim().toLowerCase(Locale.ROOT);
    }

    /** The distinct primary languages of {@code tags}, in their first order; blanks dropped. */
    public static List<String> primaries(Collection<String> tags) {
        return tags.stream().map(LanguageTags::primary).filter(tag -> !tag.isEmpty()).distinct().toList();
    }
}
