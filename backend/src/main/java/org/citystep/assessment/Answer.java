package org.citystep.assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.reference.Characteristic;

/**
 * What a city says about one characteristic. A characteristic without an answer is not assessed.
 *
 * @param criteriaMet codes of the Annex 2 criteria the city meets
 * @param answers     answers to the Annex 1 questions, by question code
 * @param links       web pages that back the answers
 */
public record Answer(Characteristic characteristic, Set<String> criteriaMet, Map<String, String> answers,
        List<String> links) {

    public Answer {
        criteriaMet = criteriaMet == null ? Set.of() : Set.copyOf(criteriaMet);
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
