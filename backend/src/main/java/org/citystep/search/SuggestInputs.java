package org.citystep.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a title can be completed from, for the completion suggester, which only matches from the
 * start of an input: the whole title, and the title from each later word on ("parking" completes
 * "Smart parking guidance…"); Chinese, written without spaces, from each later character on (停车
 * and 共享 complete "陆家嘴智慧停车诱导与错峰共享停车"). Bounded per title, so the suggester's
 * in-memory index stays small at 100k case studies.
 */
public final class SuggestInputs {

    /** Later starts per title: the words and characters a title is most often searched by come early. */
    static final int MAX_STARTS_PER_TITLE = 16;
    private static final int MIN_REST = 2;

    private SuggestInputs() {
    }

    /** The inputs of every title (one per language), the whole titles first. */
    public static List<String> of(Collection<String> titles) {
        Set<String> inputs = new LinkedHashSet<>();
        titles.stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(inputs::add);
        for (String title : titles) {
            inputs.addAll(laterStarts(title.strip()));
        }
        return List.copyOf(inputs);
    }

    private static List<String> laterStarts(String title) {
        List<String> starts = new ArrayList<>();
        for (int i = 1; i < title.length() && starts.size() < MAX_STARTS_PER_TITLE; i++) {
            char c = title.charAt(i);
            char before = title.charAt(i - 1);
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            boolean wordStart = Character.isLetterOrDigit(c) && !Character.isLetterOrDigit(before);
            if ((han || wordStart) && title.length() - i >= MIN_REST) {
                starts.add(title.substring(i));
            }
        }
        return starts;
    }
}
