package org.citystep.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.citystep.exchange.ExchangeService.DemoExchange;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;

/**
 * Knowledge exchanges of the demo data set, one in every state, between pilot cities whose seeded
 * levels put the peer exactly one level ahead in the step asked about. Dates are relative to the
 * moment of loading. Chengdu, Amsterdam and Korla are left out: the browser and integration tests
 * start their own exchanges with them.
 */
final class DemoExchanges {

    private DemoExchanges() {
    }

    private static ExchangeStep step(Characteristic characteristic, MaturityLevel from) {
        return new ExchangeStep(characteristic, from, from.next().orElse(from));
    }

    private static ExchangeSlot slot(Instant start, Duration length) {
        return new ExchangeSlot(start, start.plus(length));
    }

    static List<DemoExchange> all(Instant now) {
        Instant today = now.truncatedTo(ChronoUnit.HOURS);
        return List.of(
                new DemoExchange("zagreb", "riga", step(Characteristic.FUNDING, MaturityLevel.BASIC), ExchangeFormat.WEBINAR,
                        ExchangeState.REQUESTED, today.minus(Duration.ofDays(2)),
                        slot(today.plus(Duration.ofDays(12)).plus(Duration.ofHours(1)), Duration.ofHours(1)), null, null,
                        null, 0, List.of("We would like to learn how Riga funds its smart city projects beyond EU grants. "
                                + "Could you give a webinar for our finance department?")),
                new DemoExchange("nantong", "shanghai-pudong", step(Characteristic.STAKEHOLDERS, MaturityLevel.AVERAGE),
                        ExchangeFormat.STUDY_VISIT, ExchangeState.ACCEPTED, today.minus(Duration.ofDays(9)),
                        slot(today.plus(Duration.ofDays(10)), Duration.ofDays(2)), null, null, null, 0,
                        List.of("希望带队到浦东考察企业与市民参与智慧城市建设的机制。",
                                "欢迎！我们将安排参观城市运行管理中心，并与企业代表座谈。",
                                "谢谢，我们将派五人参加。")),
                new DemoExchange("vilnius", "bristol", step(Characteristic.SERVICES, MaturityLevel.AVERAGE),
                        ExchangeFormat.CALL, ExchangeState.DECLINED, today.minus(Duration.ofDays(20)), null,
                        "Our services team is fully booked until the spring; please ask again then.", null, null, 0,
                        List.of("Could we have a call about how you scaled your digital services?")),
                new DemoExchange("malmo", "bristol", step(Characteristic.VALUE_ASSESSMENT, MaturityLevel.AVERAGE),
                        ExchangeFormat.DOCUMENT_EXCHANGE, ExchangeState.CANCELLED, today.minus(Duration.ofDays(30)), null,
                        null, null, null, 0,
                        List.of("Would you share your benefit-assessment templates?",
                                "Happy to; which projects are you assessing?",
                                "We found what we needed in a published case study; thank you, we cancel the request.")),
                new DemoExchange("tianjin-binhai", "copenhagen", step(Characteristic.SERVICES, MaturityLevel.AVERAGE),
                        ExchangeFormat.TWINNING, ExchangeState.COMPLETED, today.minus(Duration.ofDays(60)),
                        slot(today.minus(Duration.ofDays(40)), Duration.ofDays(3)), null,
                        "How Copenhagen runs its city services on one shared data platform, and how the services are "
                                + "chosen with residents.",
                        "A shared data platform for the district's services, starting with parking and waste.", 4,
                        List.of("We would like to twin with Copenhagen on city services.",
                                "Welcome; we propose three days with our services and data teams.",
                                "The visit was very useful. Thank you!")),
                new DemoExchange("yangzhou", "barcelona", step(Characteristic.FUNDING, MaturityLevel.AVERAGE),
                        ExchangeFormat.CALL, ExchangeState.COMPLETED, today.minus(Duration.ofDays(45)),
                        slot(today.minus(Duration.ofDays(30)), Duration.ofMinutes(90)), null,
                        "巴塞罗那如何通过公私合作和循环基金为智慧照明融资。",
                        "我们将为路灯改造试点循环基金。", 5,
                        List.of("Could you explain your public-private funding models for smart lighting?",
                                "Of course. Slides: https://example.org/barcelona-funding.pdf")));
    }
}
