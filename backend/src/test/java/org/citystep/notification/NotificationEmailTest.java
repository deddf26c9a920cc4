package org.citystep.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citystep.support.Fixtures;
import org.citystep.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import reactor.test.StepVerifier;

/**
 * With e-mail switched on, a curator who opted in receives a submitted case study by e-mail, in the
 * language they chose, from a real SMTP server (GreenMail); one who did not opt in receives nothing.
 */
@SpringBootTest(properties = {"citystep.elasticsearch.uris=http://127.0.0.1:9",
        "citystep.notifications.email.enabled=true", "citystep.notifications.email.from=citystep@example.org",
        "citystep.notifications.email.base-url=https://citystep.example"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationEmailTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    WebTestClient client;

    @Autowired
    FanOutWorker worker;

    @BeforeAll
    void city() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        Fixtures.createCity(client, "mail-home", "NL", "EU");
    }

    @Test
    void anOptedInCuratorIsMailedInTheirLanguage() throws Exception {
        var chinese = mockJwt().jwt(jwt -> jwt.subject("mail-curator").claim("preferred_username", "mail.curator")
                .claim("email", "curator@example.org")).authorities(new SimpleGrantedAuthority("ROLE_CURATOR"));
        var silent = mockJwt().jwt(jwt -> jwt.subject("quiet-curator").claim("preferred_username", "quiet.curator")
                .claim("email", "quiet@example.org")).authorities(new SimpleGrantedAuthority("ROLE_CURATOR"));
        var noAddress = mockJwt().jwt(jwt -> jwt.subject("no-address").claim("preferred_username", "no.address"))
                .authorities(new SimpleGrantedAuthority("ROLE_CURATOR"));
        client.mutateWith(chinese).put().uri("/api/v1/me/notification-settings")
                .bodyValue(Map.of("email", true, "language", "zh-CN")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo(true).jsonPath("$.address").isEqualTo("curator@example.org")
                .jsonPath("$.mailEnabled").isEqualTo(true);
        client.mutateWith(silent).put().uri("/api/v1/me/notification-settings")
                .bodyValue(Map.of("email", false, "language", "en")).exchange().expectStatus().isOk();
        client.mutateWith(noAddress).put().uri("/api/v1/me/notification-settings")
                .bodyValue(Map.of("email", true, "language", "en")).exchange().expectStatus().isBadRequest();
        client.mutateWith(chinese).put().uri("/api/v1/me/notification-settings")
                .bodyValue(Map.of("email", true, "language", "fr")).exchange().expectStatus().isBadRequest();

        Map<String, Object> body = new HashMap<>();
        body.put("id", "mail-parking");
        body.put("cityId", "mail-home");
        body.put("title", Map.of("en", "Parking"));
        body.put("summary", Map.of("en", "Sensors."));
        body.put("body", Map.of("en", "<p>Sensors.</p>"));
        body.put("serviceDomains", List.of("TRANSPORTATION"));
        body.put("steps", List.of(Map.of("characteristic", "SERVICES", "fromLevel", "AVERAGE", "toLevel", "MORE_ADVANCED")));
        body.put("stage", "SCALING");
        body.put("flags", Map.of("scalable", true, "cloud", false, "integratedOffering", false, "openApi", true, "iot", true));
        var editor = Users.editorOf("mail-home");
        client.mutateWith(editor).post().uri("/api/v1/case-studies").bodyValue(body).exchange().expectStatus().isCreated();
        client.mutateWith(editor).post().uri("/api/v1/case-studies/mail-parking/submit")
                .bodyValue(Map.of("version", Fixtures.version(client, "/api/v1/case-studies/mail-parking"))).exchange()
                .expectStatus().isOk();
        StepVerifier.create(worker.round()).expectNextCount(1).verifyComplete();

        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("curator@example.org");
        assertThat(received[0].getSubject()).isEqualTo("CityStep：mail-home 的案例“mail-parking”已提交审核。");
        assertThat((String) received[0].getContent()).contains("https://citystep.example/curation");
    }
}
