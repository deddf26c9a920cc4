package org.citystep.elasticsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.junit.jupiter.api.Test;

class AnalysisComponentsTest {

    @Test
    void englishAnalyzerStemsAndDropsStopWords() throws IOException {
        try (Analyzer analyzer = new EnglishAnalyzerFactory().create()) {
            assertThat(terms(analyzer, "running bikes")).containsExactly("run", "bike");
            assertThat(terms(analyzer, "The city's Smart Parking systems"))
                    .containsExactly("citi", "smart", "park", "system");
        }
    }

    @Test
    void smartcnAnalyzerSegmentsChineseIntoWords() throws IOException {
        try (Analyzer analyzer = new SmartcnAnalyzerFactory().create()) {
            assertThat(terms(analyzer, "智慧停车系统")).containsExactly("智慧", "停车", "系统");
            // punctuation is dropped as a stop word; Latin words are lower-cased and Porter-stemmed
            assertThat(terms(analyzer, "成都的智慧停车系统，Smart Parking"))
                    .containsSubsequence("成都", "智慧", "停车", "系统", "smart", "park")
                    .doesNotContain("，");
        }
    }

    @Test
    void cjkAnalyzerMakesOverlappingBigramsSoShortNamesMatchLongerWords() throws IOException {
        try (Analyzer analyzer = new CjkAnalyzerFactory().create()) {
            assertThat(terms(analyzer, "四川省成都市")).containsExactly("四川", "川省", "省成", "成都", "都市");
            assertThat(terms(analyzer, "成都")).containsExactly("成都");
        }
    }

    @Test
    void smartcnTokenizerSegmentsChineseIntoWords() throws IOException {
        Tokenizer tokenizer = new SmartcnTokenizerFactory().create();
        tokenizer.setReader(new StringReader("智慧停车系统"));
        assertThat(drain(tokenizer)).containsExactly("智慧", "停车", "系统");
    }

    @Test
    void asciiFoldingFoldsAccents() throws IOException {
        TokenFilterFactory factory = new AsciiFoldingTokenFilterFactory();
        assertThat(drain(factory.create(whitespace("São Paulo Zürich Kraków Málaga"))))
                .containsExactly("Sao", "Paulo", "Zurich", "Krakow", "Malaga");
    }

    @Test
    void porterStemStemsLowerCasedEnglish() throws IOException {
        TokenFilterFactory factory = new PorterStemTokenFilterFactory();
        assertThat(drain(factory.create(new LowerCaseFilter(whitespace("Running Bikes")))))
                .containsExactly("run", "bike");
    }

    /** Light stemming: plurals and inflections go, but "parking" does not become the green-space "park". */
    @Test
    void kstemKeepsParkingApartFromParks() throws IOException {
        TokenFilterFactory factory = new KStemTokenFilterFactory();
        assertThat(drain(factory.create(new LowerCaseFilter(whitespace("Parking Parks Cities Sharing")))))
                .containsExactly("parking", "park", "city", "share");
    }

    @Test
    void componentNamesMatchTheNamesFullElasticsearchUses() {
        assertThat(new EnglishAnalyzerFactory().name()).isEqualTo("english");
        assertThat(new SmartcnAnalyzerFactory().name()).isEqualTo("smartcn");
        assertThat(new SmartcnTokenizerFactory().name()).isEqualTo("smartcn_tokenizer");
        assertThat(new AsciiFoldingTokenFilterFactory().name()).isEqualTo("asciifolding");
        assertThat(new PorterStemTokenFilterFactory().name()).isEqualTo("porter_stem");
        assertThat(new KStemTokenFilterFactory().name()).isEqualTo("kstem");
    }

    /** named_components.json is written by hand: it must list exactly the annotated classes. */
    @Test
    void namedComponentsFileListsEveryComponentUnderItsInterface() throws Exception {
        Map<String, Map<String, String>> declared = readNamedComponents(
                Path.of("src/main/plugin-metadata/named_components.json"));

        assertThat(declared).containsOnlyKeys(AnalyzerFactory.class.getName(),
                TokenizerFactory.class.getName(), TokenFilterFactory.class.getName());
        assertThat(declared.get(AnalyzerFactory.class.getName()))
                .containsOnlyKeys("english", "smartcn", "cjk");
        assertThat(declared.get(TokenizerFactory.class.getName()))
                .containsOnlyKeys("smartcn_tokenizer");
        assertThat(declared.get(TokenFilterFactory.class.getName()))
                .containsOnlyKeys("asciifolding", "porter_stem", "kstem");

        for (Map.Entry<String, Map<String, String>> byInterface : declared.entrySet()) {
            Class<?> extensible = Class.forName(byInterface.getKey());
            for (Map.Entry<String, String> component : byInterface.getValue().entrySet()) {
                Class<?> implementation = Class.forName(component.getValue());
                assertThat(implementation).isAssignableTo(extensible);
                assertThat(implementation.getAnnotation(NamedComponent.class).value())
                        .as("@NamedComponent of %s", implementation.getName())
                        .isEqualTo(component.getKey());
                assertThat(implementation.getConstructor()).isNotNull();
            }
        }
    }

    /** Minimal reader for the two-level {"interface": {"name": "class"}} file (no JSON library here). */
    private static Map<String, Map<String, String>> readNamedComponents(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        Matcher group = Pattern.compile("\"([\\w.]+)\"\\s*:\\s*\\{([^}]*)}").matcher(json);
        while (group.find()) {
            Map<String, String> components = new LinkedHashMap<>();
            Matcher entry = Pattern.compile("\"([\\w]+)\"\\s*:\\s*\"([\\w.]+)\"").matcher(group.group(2));
            while (entry.find()) {
                components.put(entry.group(1), entry.group(2));
            }
            result.put(group.group(1), components);
        }
        return result;
    }

    private static TokenStream whitespace(String text) {
        Tokenizer tokenizer = new WhitespaceTokenizer();
        tokenizer.setReader(new StringReader(text));
        return tokenizer;
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        return drain(analyzer.tokenStream("field", text));
    }

    private static List<String> drain(TokenStream stream) throws IOException {
        List<String> terms = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
