package org.citystep.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.citystep.audit.AuditRecord;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Who hears of what: the fan-out rules by action code, and the audiences a token puts a reader in. */
class NotificationRulesTest {

    private static AuditRecord entry(String action, String resourceId, @Nullable String cityId, Map<String, String> details) {
        return new AuditRecord("65a000000000000000000001", Instant.parse("2026-12-01T10:00:00Z"), "sub-1", "someone",
                action, action.substring(0, action.indexOf('.')), resourceId, cityId, 1L, 2L, details, "a note");
    }

    private static Set<String> audiences(AuditRecord entry) {
        return NotificationRules.deliveries(entry).stream().map(Delivery::audience)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aSubmittedCaseStudyGoesToTheCuratorsAndItsVerdictToTheCitysEditors() {
        var submitted = NotificationRules.deliveries(entry("caseStudy.submitted", "cs-1", "amsterdam", Map.of()));
        assertThat(submitted).singleElement().satisfies(delivery -> {
            assertThat(delivery.audience()).isEqualTo("role:curator");
            assertThat(delivery.link()).isEqualTo("/curation");
            assertThat(delivery.code()).isEqualTo("notification.caseStudy.submitted");
            assertThat(delivery.args()).containsExactly("cs-1", "amsterdam", "a note");
        });
        for (String verdict : new String[] {"caseStudy.published", "caseStudy.returned", "caseStudy.rejected"}) {
            var told = NotificationRules.deliveries(entry(verdict, "cs-1", "amsterdam", Map.of()));
            assertThat(told).singleElement().satisfies(delivery -> {
                assertThat(delivery.audience()).isEqualTo("city:amsterdam");
                assertThat(delivery.link()).isEqualTo("/case-studies/cs-1");
            });
        }
        assertThat(audiences(entry("caseStudy.updated", "cs-1", "amsterdam", Map.of()))).isEmpty();
        assertThat(audiences(entry("glossary.created", "kerb", null, Map.of()))).isEmpty();
    }

    @Test
    void exchangeEventsReachTheOtherCityAndTheInvitedExpertsNeverCurators() {
        var requested = NotificationRules.deliveries(entry("exchange.requested", "65a0000000000000000000ff", "chengdu",
                Map.of("cityIds", "amsterdam", "expertIds", "")));
        assertThat(requested).singleElement().satisfies(delivery -> {
            assertThat(delivery.audience()).isEqualTo("city:amsterdam");
            assertThat(delivery.link()).isEqualTo("/exchanges/65a0000000000000000000ff");
            assertThat(delivery.code()).isEqualTo("notification.exchange.requested");
            assertThat(delivery.args()).containsExactly("65a0000000000000000000ff", "chengdu", "a note");
        });
        assertThat(audiences(entry("exchange.messagePosted", "x", "amsterdam",
                Map.of("cityIds", "chengdu", "expertIds", "demo-expert,li-wei"))))
                .containsExactlyInAnyOrder("city:chengdu", "expert:demo-expert", "expert:li-wei");
    }

    @Test
    void assessmentsReachCuratorsTheAssignedExpertAndTheCity() {
        assertThat(audiences(entry("assessment.submitted", "chengdu", "chengdu", Map.of()))).containsExactly("role:curator");
        var assigned = NotificationRules.deliveries(entry("assessment.assigned", "chengdu", "chengdu", Map.of("expertId", "li-wei")));
        assertThat(assigned).singleElement().satisfies(delivery -> {
            assertThat(delivery.audience()).isEqualTo("expert:li-wei");
            assertThat(delivery.link()).isEqualTo("/review/chengdu");
        });
        assertThat(audiences(entry("assessment.claimed", "chengdu", "chengdu", Map.of("expertId", "li-wei"))))
                .containsExactly("expert:li-wei");
        assertThat(audiences(entry("assessment.assigned", "chengdu", "chengdu", Map.of()))).isEmpty();
        var validated = NotificationRules.deliveries(entry("assessment.validated", "chengdu", "chengdu", Map.of()));
        assertThat(validated).singleElement().satisfies(delivery -> {
            assertThat(delivery.audience()).isEqualTo("city:chengdu");
            assertThat(delivery.link()).isEqualTo("/cities/chengdu/assessment");
        });
        assertThat(audiences(entry("assessment.returned", "chengdu", "chengdu", Map.of()))).containsExactly("city:chengdu");
    }

    @Test
    void clusterNewsGoesToTheCitiesTheProducerNames() {
        var invited = NotificationRules.deliveries(entry("cluster.invited", "delta-ports", null,
                Map.of("cityIds", "rotterdam, ningbo,,rotterdam")));
        assertThat(invited).extracting(Delivery::audience).containsExactly("city:rotterdam", "city:ningbo");
        assertThat(invited).allSatisfy(delivery -> assertThat(delivery.link()).isEqualTo("/clusters/delta-ports"));
        assertThat(audiences(entry("cluster.approved", "delta-ports", null, Map.of("cityIds", "a,b"))))
                .containsExactlyInAnyOrder("city:a", "city:b");
        assertThat(audiences(entry("cluster.memberJoined", "delta-ports", null, Map.of("cityIds", "a"))))
                .containsExactly("city:a");
        assertThat(audiences(entry("cluster.created", "delta-ports", null, Map.of("cityIds", "a")))).isEmpty();
    }

    @Test
    void reverificationRemindsTheOwningCityAndTheCurators() {
        assertThat(audiences(entry("reverification.due", "yantai", "yantai", Map.of("caseStudyIds", "a,b"))))
                .containsExactlyInAnyOrder("city:yantai", "role:curator");
    }

    @Test
    void aTokenPutsItsHolderInTheAudiencesOfTheirRolesCityAndExpertRecord() {
        var editor = new CurrentUser("sub-e", "editor.amsterdam", Set.of(Role.CITY_EDITOR), Optional.of("amsterdam"),
                Optional.empty());
        assertThat(Audiences.of(editor)).containsExactly("city:amsterdam", "user:sub-e");
        var curator = new CurrentUser("sub-c", "curator.demo", Set.of(Role.CURATOR), Optional.empty(), Optional.empty());
        assertThat(Audiences.of(curator)).containsExactly("role:curator", "user:sub-c");
        var expert = new CurrentUser("sub-x", "expert.demo", Set.of(Role.EXPERT), Optional.empty(), Optional.of("li-wei"));
        assertThat(Audiences.of(expert)).containsExactly("expert:li-wei", "user:sub-x");
        // a cityId claim without the editor role does not make someone a city's editor
        var notAnEditor = new CurrentUser("sub-n", "n", Set.of(Role.EXPERT), Optional.of("amsterdam"), Optional.empty());
        assertThat(Audiences.of(notAnEditor)).doesNotContain("city:amsterdam");
        assertThat(Audiences.of(CurrentUser.anonymous())).isEmpty();
    }
}
