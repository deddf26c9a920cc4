package org.citystep.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.citystep.support.Fixtures;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every write, and every private read, by every role: who gets through (2xx, or a 409 that shows the
 * request passed authorisation and met the workflow), who is refused (403), who must sign in (401).
 * The editor is bound to mx-home; mx-away is another city.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    WebTestClient client;

    @BeforeAll
    void cities() {
        Fixtures.createCity(client, "mx-home", "NL", "EU");
        Fixtures.createCity(client, "mx-away", "CN", "CHINA");
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts").bodyValue(expertBody("mx-expert", null))
                .exchange().expectStatus().isCreated();
        client.mutateWith(Users.curator()).put().uri("/api/v1/cities/mx-home/assessment/draft")
                .bodyValue(Map.of("characteristics", List.of())).exchange().expectStatus().isOk();
        Fixtures.approvedExpert(client, "mx-reviewer");
        Fixtures.approvedExpert(client, "mx-retiring");
    }

    enum Caller {
        ANONYMOUS(null), EDITOR(Users.editorOf("mx-home")), EXPERT(Users.expertWith("mx-reviewer")), CURATOR(Users.curator()),
        ADMIN(Users.admin());

        final JwtMutator token;

        Caller(JwtMutator token) {
            this.token = token;
        }
    }

    static Stream<Arguments> matrix() {
        //                  operation                    ANONYMOUS EDITOR EXPERT CURATOR ADMIN
        return Stream.of(
                row("create city",                         401, 403, 403, 201, 201),
                row("update own city",                     401, 200, 403, 200, 200),
                row("update another city",                 401, 403, 403, 200, 200),
                row("read own draft assessment",           401, 200, 403, 200, 200),
                row("read another city's draft (none yet)", 401, 403, 403, 204, 204),
                row("save own draft assessment",           401, 200, 403, 200, 200),
                row("save another city's draft",           401, 403, 403, 200, 200),
                row("validate an unsubmitted assessment",  401, 403, 403, 403, 409),
                row("submit own draft",                    401, 200, 403, 409, 409),
                row("submit another city's draft",         401, 403, 403, 200, 409),
                row("return a submitted draft",            401, 403, 200, 403, 200),
                row("validate a submitted draft",          401, 403, 200, 403, 200),
                row("read a current assessment",           200, 200, 200, 200, 200),
                row("list proposed experts",               403, 403, 403, 200, 200),
                row("update own expert record",            401, 403, 200, 200, 200),
                row("propose an expert",                   401, 403, 403, 201, 201),
                row("approve an expert",                   401, 403, 403, 200, 200),
                row("update someone else's expert record", 401, 403, 403, 200, 200),
                row("read who I am",                       401, 200, 200, 200, 200),
                row("read the review queue",               401, 403, 200, 200, 200),
                row("read my expert record",               401, 403, 200, 403, 403),
                row("retire an expert",                    401, 403, 403, 200, 409),
                row("follow the latest search rebuild",    401, 403, 403, 404, 404),
                row("list hidden cities",                  401, 403, 403, 403, 200));
    }

    private static Arguments row(String operation, int... statuses) {
        return Arguments.of(operation, Map.of(Caller.ANONYMOUS, statuses[0], Caller.EDITOR, statuses[1],
                Caller.EXPERT, statuses[2], Caller.CURATOR, statuses[3], Caller.ADMIN, statuses[4]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachRoleGetsWhatItMay(String operation, Map<Caller, Integer> expected) {
        for (Caller caller : Caller.values()) {
            WebTestClient as = caller.token == null ? client : client.mutateWith(caller.token);
            Object body = body(operation); // first: it may create what the path names
            as.method(method(operation)).uri(path(operation)).bodyValue(body).exchange()
                    .expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status)
                            .as("%s by %s", operation, caller).isEqualTo(expected.get(caller)));
        }
    }

    private static HttpMethod method(String operation) {
        return switch (operation) {
            case "create city", "validate an unsubmitted assessment", "propose an expert", "approve an expert",
                    "submit own draft", "submit another city's draft", "return a submitted draft",
                    "validate a submitted draft" -> HttpMethod.POST;
            case "read own draft assessment", "read another city's draft (none yet)", "read who I am",
                    "read a current assessment", "list proposed experts", "read the review queue",
                    "read my expert record", "follow the latest search rebuild",
                    "list hidden cities" -> HttpMethod.GET;
            case "retire an expert" -> HttpMethod.POST;
            default -> HttpMethod.PUT;
        };
    }

    private static String path(String operation) {
        return switch (operation) {
            case "create city" -> "/api/v1/cities";
            case "update own city" -> "/api/v1/cities/mx-home";
            case "update another city" -> "/api/v1/cities/mx-away";
            case "read own draft assessment", "save own draft assessment" -> "/api/v1/cities/mx-home/assessment/draft";
            case "read another city's draft (none yet)", "save another city's draft" -> "/api/v1/cities/mx-away/assessment/draft";
            case "validate an unsubmitted assessment", "validate a submitted draft" ->
                    "/api/v1/cities/mx-home/assessment/draft/validate";
            case "submit own draft" -> "/api/v1/cities/mx-home/assessment/draft/submit";
            case "submit another city's draft" -> "/api/v1/cities/mx-away/assessment/draft/submit";
            case "return a submitted draft" -> "/api/v1/cities/mx-home/assessment/draft/return";
            case "read a current assessment" -> "/api/v1/cities/mx-home/assessment";
            case "list proposed experts" -> "/api/v1/experts?status=PROPOSED";
            case "read the review queue" -> "/api/v1/reviews";
            case "read my expert record" -> "/api/v1/experts/me";
            case "retire an expert" -> "/api/v1/experts/mx-retiring/retire";
            case "update own expert record" -> "/api/v1/experts/mx-reviewer";
            case "propose an expert" -> "/api/v1/experts";
            case "approve an expert" -> "/api/v1/experts/mx-approvable-" + SEQUENCE.get() + "/approve";
            case "update someone else's expert record" -> "/api/v1/experts/mx-expert";
            case "read who I am" -> "/api/v1/me";
            case "follow the latest search rebuild" -> "/api/v1/admin/reindex/latest";
            case "list hidden cities" -> "/api/v1/admin/cities/hidden";
            default -> throw new IllegalArgumentException(operation);
        };
    }

    /** A fresh, valid body for each attempt, carrying the current version where one is needed. */
    private Object body(String operation) {
        return switch (operation) {
            case "create city" -> Fixtures.city("mx-new-" + SEQUENCE.incrementAndGet(), "New", "NL", "EU");
            case "update own city" -> cityUpdate("mx-home", "NL", "EU");
            case "update another city" -> cityUpdate("mx-away", "CN", "CHINA");
            case "save own draft assessment" -> draftUpdate("mx-home");
            case "save another city's draft" -> draftUpdate("mx-away");
            case "validate an unsubmitted assessment", "submit own draft" ->
                    Map.of("version", version("/api/v1/cities/mx-home/assessment/draft"));
            case "submit another city's draft" -> Map.of("version", version("/api/v1/cities/mx-away/assessment/draft"));
            case "return a submitted draft" -> Map.of("version", submittedDraftVersion(), "note", "Please add evidence");
            case "validate a submitted draft" -> Map.of("version", submittedDraftVersion());
            case "update own expert record" -> expertBody("mx-reviewer", version("/api/v1/experts/mx-reviewer"));
            case "retire an expert" -> Map.of("version", version("/api/v1/experts/mx-retiring"));
            case "read the review queue", "read my expert record" -> Map.of();
            case "propose an expert" -> expertBody("mx-proposed-" + SEQUENCE.incrementAndGet(), null);
            case "approve an expert" -> {
                String id = "mx-approvable-" + SEQUENCE.incrementAndGet();
                client.mutateWith(Users.curator()).post().uri("/api/v1/experts").bodyValue(expertBody(id, null))
                        .exchange().expectStatus().isCreated();
                yield Map.of("version", 0);
            }
            case "update someone else's expert record" -> expertBody("mx-expert", version("/api/v1/experts/mx-expert"));
            default -> Map.of();
        };
    }

    /** Makes sure mx-home has a submitted draft (saving and submitting one as its editor if not). */
    private long submittedDraftVersion() {
        byte[] read = client.mutateWith(Users.curator()).get().uri("/api/v1/cities/mx-home/assessment/draft").exchange()
                .expectBody().returnResult().getResponseBody();
        String draft = read == null ? "" : new String(read);
        if (!draft.contains("\"status\":\"SUBMITTED\"")) {
            client.mutateWith(Users.editorOf("mx-home")).put().uri("/api/v1/cities/mx-home/assessment/draft")
                    .bodyValue(draftUpdate("mx-home")).exchange().expectStatus().isOk();
            client.mutateWith(Users.editorOf("mx-home")).post().uri("/api/v1/cities/mx-home/assessment/draft/submit")
                    .bodyValue(Map.of("version", version("/api/v1/cities/mx-home/assessment/draft"))).exchange()
                    .expectStatus().isOk();
        }
        if (!draft.contains("\"reviewer\"")) {
            // only the assigned expert decides on it
            client.mutateWith(Users.curator()).post().uri("/api/v1/cities/mx-home/assessment/draft/assign")
                    .bodyValue(Map.of("version", version("/api/v1/cities/mx-home/assessment/draft"),
                            "expertId", "mx-reviewer")).exchange()
                    .expectStatus().isOk();
        }
        return version("/api/v1/cities/mx-home/assessment/draft");
    }

    private Map<String, Object> cityUpdate(String id, String country, String region) {
        Map<String, Object> body = new HashMap<>(Fixtures.city(id, "City " + id, country, region));
        body.put("version", version("/api/v1/cities/" + id));
        return body;
    }

    private Map<String, Object> draftUpdate(String cityId) {
        Map<String, Object> body = new HashMap<>();
        body.put("characteristics", List.of(Map.of("characteristic", "STRATEGY", "criteriaMet", List.of("STRATEGY.BASIC.1")),
                Map.of("characteristic", "FUNDING", "criteriaMet", List.of("FUNDING.BASIC.1"))));
        byte[] draft = client.mutateWith(Users.curator()).get().uri("/api/v1/cities/{id}/assessment/draft", cityId)
                .exchange().expectBody().returnResult().getResponseBody();
        String text = draft == null ? "" : new String(draft);
        if (text.contains("\"version\"")) {
            body.put("version", Long.parseLong(text.replaceAll("(?s).*\"version\":(\\d+).*", "$1")));
        }
        return body;
    }

    private long version(String path) {
        return Fixtures.version(client, path);
    }

    private static Map<String, Object> expertBody(String id, Long version) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "name", "Expert " + id, "country", "NL", "region", "EU",
                "languages", List.of("en"), "expertise", Map.of("characteristics", List.of("FUNDING")),
                "availability", "AVAILABLE"));
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }
}
