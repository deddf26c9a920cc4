package org.citystep.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The level rule on {@code shared-fixtures/level-rule.json}, the file the front end's
 * {@code derived-level.fixture.test.ts} runs its copy of the rule over: the two cannot drift.
 */
class LevelRuleFixtureTest {

    private static final ReferenceDataService REFERENCE = ReferenceDataFixture.service();

    static Stream<Arguments> cases() throws Exception {
        Path file = Stream.of(Path.of("shared-fixtures", "level-rule.json"), Path.of("..", "shared-fixtures", "level-rule.json"))
                .filter(Files::exists).findFirst()
                .orElseThrow(() -> new IllegalStateException("shared-fixtures/level-rule.json not found from "
                        + Path.of("").toAbsolutePath()));
        JsonNode cases = JsonMapper.builder().build().readTree(Files.readString(file)).get("cases");
        assertThat(cases.size()).isGreaterThan(10);
        return cases.valueStream().map(entry -> {
            Set<String> met = new HashSet<>();
            entry.get("met").forEach(code -> met.add(code.asString()));
            return Arguments.of(entry.get("name").asString(), Characteristic.valueOf(entry.get("characteristic").asString()),
                    met, MaturityLevel.valueOf(entry.get("level").asString()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivesTheFixturesLevel(String name, Characteristic characteristic, Set<String> met, MaturityLevel level) {
        assertThat(REFERENCE.derivedLevel(characteristic, met)).as(name).isEqualTo(level);
    }
}
