package org.citystep.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.citystep.assessment.AssessmentStatus;
import org.citystep.casestudy.CaseStudyStatus;
import org.citystep.casestudy.ReviewDecision;
import org.citystep.cluster.ClusterStatus;
import org.citystep.glossary.GlossaryCategory;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.shared.problem.ProblemType;
import org.junit.jupiter.api.Test;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/** Both languages have every message, with the same arguments, and every code the code asks for exists. */
class MessageBundlesTest {

    private static final Map<String, String> ENGLISH = IcuMessageSource.load(AnswerLanguage.ENGLISH);
    private static final Map<String, String> CHINESE = IcuMessageSource.load(AnswerLanguage.CHINESE);
    /** A message code in a string literal of the main code: a known namespace, then dotted parts. */
    private static final Pattern CODE_LITERAL = Pattern.compile(
            "\"((?:problem|field|city|assessment|cluster|expert|caseStudy|search|matching|glossary|reason|audit|notification|review|indicator|benchmark|admin|exchange)\\.[A-Za-z0-9.]+[A-Za-z0-9])\"");
    /** A sentence (a literal with a space) where a problem expects a message code. */
    private static final Pattern SENTENCE_AS_CODE = Pattern.compile(
            "(?:new ApiException\\(\\s*ProblemType\\.\\w+,\\s*|ApiException\\.\\w+\\(\\s*|FieldMessage\\.of\\([^,]+,\\s*)\"[^\"]*\\s[^\"]*\"");
    private static final Pattern RESOURCE_LITERAL = Pattern.compile("(?:notFound|staleVersion)\\(\\s*\"([A-Za-z]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> onlyEnglish = new TreeSet<>(ENGLISH.keySet());
        onlyEnglish.removeAll(CHINESE.keySet());
        Set<String> onlyChinese = new TreeSet<>(CHINESE.keySet());
        onlyChinese.removeAll(ENGLISH.keySet());
        assertThat(onlyEnglish).as("keys missing in Chinese").isEmpty();
        assertThat(onlyChinese).as("keys missing in English").isEmpty();
        assertThat(ENGLISH).hasSizeGreaterThan(150);
    }

    @Test
    void everyMessageIsValidIcuWithTheSameArgumentsInBothLanguages() {
        ENGLISH.forEach((code, english) -> {
            if (code.startsWith(IcuMessageSource.VALIDATION_PREFIX)) {
                assertThat(placeholders(CHINESE.get(code))).as(code).isEqualTo(placeholders(english));
                return;
            }
            Set<String> englishArgs = new MessageFormat(english, ULocale.ENGLISH).getArgumentNames();
            Set<String> chineseArgs = new MessageFormat(CHINESE.get(code), ULocale.SIMPLIFIED_CHINESE).getArgumentNames();
            assertThat(chineseArgs).as(code).isEqualTo(englishArgs);
        });
    }

    @Test
    void chineseMessagesAreWrittenInChinese() {
        CHINESE.forEach((code, chinese) -> {
            if (!chinese.equals(ENGLISH.get(code))) {
                return;
            }
            assertThat(chinese).as(code + " is the same in both languages").matches("[\\p{Punct}\\d\\s{}]*");
        });
    }

    @Test
    void everyCodeTheMainCodeNamesExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher code = CODE_LITERAL.matcher(text);
                while (code.find()) {
                    if (!ENGLISH.containsKey(code.group(1))) {
                        missing.add(code.group(1) + " (" + source.getFileName() + ")");
                    }
                }
                Matcher sentence = SENTENCE_AS_CODE.matcher(text);
                while (sentence.find()) {
                    missing.add("a sentence, not a code: " + sentence.group() + " (" + source.getFileName() + ")");
                }
                Matcher resource = RESOURCE_LITERAL.matcher(text);
                while (resource.find()) {
                    if (!ENGLISH.containsKey("resource." + resource.group(1))) {
                        missing.add("resource." + resource.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyCodeOfAnEnumThatMessagesNameHasItsMessage() {
        Arrays.stream(ProblemType.values()).forEach(type -> assertThat(ENGLISH).containsKey(type.titleCode()));
        Arrays.stream(Characteristic.values()).forEach(c -> assertThat(ENGLISH).containsKey("characteristic." + c.name()));
        Arrays.stream(MaturityLevel.values()).forEach(l -> assertThat(ENGLISH).containsKey("level." + l.name()));
        Arrays.stream(CaseStudyStatus.values()).forEach(s -> assertThat(ENGLISH).containsKey("caseStudy.status." + s.name()));
        Arrays.stream(AssessmentStatus.values()).forEach(s -> assertThat(ENGLISH).containsKey("assessment.status." + s.name()));
        Arrays.stream(ClusterStatus.values()).forEach(s -> assertThat(ENGLISH).containsKey("cluster.status." + s.name()));
        Arrays.stream(ReviewDecision.values()).forEach(d -> assertThat(ENGLISH).containsKey("caseStudy.decision." + d.name()));
        Arrays.stream(org.citystep.city.Region.values()).forEach(r -> assertThat(ENGLISH).containsKey("region." + r.name()));
        Arrays.stream(org.citystep.city.AdministrativeLevel.values())
                .forEach(a -> assertThat(ENGLISH).containsKey("administrativeLevel." + a.name()));
        Arrays.stream(GlossaryCategory.values()).forEach(c -> assertThat(ENGLISH).containsKey("glossary.category." + c.name()));
        Arrays.stream(org.citystep.exchange.ExchangeState.values())
                .forEach(s -> assertThat(ENGLISH).containsKey("exchange.state." + s.name()));
    }

    @Test
    void problemsAreFormattedWithPluralsAndNestedMessages() {
        IcuMessageSource source = new IcuMessageSource();
        assertThat(source.getMessage("problem.invalidFields", new Object[] {1}, AnswerLanguage.ENGLISH))
                .isEqualTo("The request has 1 invalid field.");
        assertThat(source.getMessage("problem.invalidFields", new Object[] {3}, AnswerLanguage.ENGLISH))
                .isEqualTo("The request has 3 invalid fields.");
        assertThat(source.getMessage("problem.notFound", new Object[] {new MessageRef("resource.caseStudy"), "x"},
                AnswerLanguage.CHINESE)).isEqualTo("没有 id 为“x”的案例。");
        assertThat(source.getMessage("problem.notFound", new Object[] {new MessageRef("resource.caseStudy"), "x"},
                java.util.Locale.GERMANY)).isEqualTo("No case study with id 'x'.");
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
