package org.citystep.shared.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * springdoc names schemas by simple class name, so two records called {@code ContactInput} become
 * one schema and generated clients get the wrong type for one of them. Records that appear in the
 * API must have distinct schema names.
 */
class SchemaNamesTest {

    /** Records only stored or used inside the app; the API shows views of them. */
    private static final List<String> NEVER_IN_THE_API = List.of(
            "org.citystep.cluster.ClusterMember", // stored; the API returns ClusterView.Member
            "org.citystep.shared.problem.ExceptionProblems$Answer");

    @Test
    void recordsHaveDistinctSchemaNames() {
        Map<String, List<String>> byName = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.citystep").stream()
                .filter(JavaClass::isRecord)
                .filter(type -> !NEVER_IN_THE_API.contains(type.getFullName()))
                .collect(Collectors.groupingBy(SchemaNamesTest::schemaName,
                        Collectors.mapping(JavaClass::getFullName, Collectors.toList())));
        assertThat(byName.entrySet().stream().filter(entry -> entry.getValue().size() > 1))
                .as("records sharing a schema name; give one @Schema(name = ...)").isEmpty();
    }

    private static String schemaName(JavaClass type) {
        return type.tryGetAnnotationOfType(Schema.class).map(Schema::name).filter(name -> !name.isEmpty())
                .orElse(type.getSimpleName());
    }
}
