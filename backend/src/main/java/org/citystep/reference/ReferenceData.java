package org.citystep.reference;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The reference document as it is stored and served. Texts are per language ({@code en},
 * {@code zh}).
 */
public record ReferenceData(Source source, List<Level> levels, List<CharacteristicEntry> characteristics,
        List<Term> serviceDomains, List<Term> financingInstruments, List<Term> businessModels,
        List<Term> technologyTags) {

    public record Source(Map<String, String> title, Map<String, String> publisher, int year,
            Map<String, String> note) {
    }

    public record Citation(String section, @Nullable Integer page) {
    }

    public record Level(MaturityLevel code, @Nullable Integer rank, Map<String, String> name) {
    }

    public record Question(String code, Map<String, String> text) {
    }

    /**
     * @param inferred true when the white paper's text lacks this criterion and it was written from
     *                 the sections named in its citation
     */
    public record Criterion(String code, MaturityLevel level, Map<String, String> text, @Nullable Boolean inferred,
            @Nullable Citation citation) {
    }

    public record CharacteristicEntry(Characteristic code, int number, Map<String, String> name,
            Map<String, String> description, boolean rated, Citation citation, List<Question> questions,
            List<Criterion> criteria) {
    }

    public record Term(String code, Map<String, String> name, @Nullable Map<String, String> description,
            Citation citation) {
    }
}
