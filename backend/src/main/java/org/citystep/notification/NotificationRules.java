package org.citystep.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.citystep.audit.AuditRecord;

/**
 * Which audit entries notify whom, by action code. The message code is
 * {@code notification.<action>} with arguments: the resource id, the city id (or empty), the note
 * (or empty). Entries of other actions notify nobody.
 */
final class NotificationRules {

    private NotificationRules() {
    }

    static List<Delivery> deliveries(AuditRecord entry) {
        String id = entry.resourceId();
        String city = entry.cityId() == null ? "" : entry.cityId();
        List<String> args = List.of(id, city, entry.note() == null ? "" : entry.note());
        String code = "notification." + entry.action();
        List<Delivery> out = new ArrayList<>();
        if (entry.action().startsWith("exchange.")) {
            // the other side of an exchange: its city (never the actor's own) and the invited experts
            String link = "/exchanges/" + id;
            cityIds(entry).forEach(other -> out.add(new Delivery(Audiences.city(other), code, args, link)));
            ids(entry, "expertIds").forEach(expert -> out.add(new Delivery(Audiences.expert(expert), code, args, link)));
            return out;
        }
        switch (code) {
            case "notification.caseStudy.submitted" -> out.add(new Delivery(Audiences.CURATORS, code, args, "/curation"));
            case "notification.caseStudy.published", "notification.caseStudy.returned", "notification.caseStudy.rejected" -> {
                if (!city.isEmpty()) {
                    out.add(new Delivery(Audiences.city(city), code, args, "/case-studies/" + id));
                }
            }
            case "notification.assessment.submitted" -> {
                out.add(new Delivery(Audiences.CURATORS, code, args, "/review/" + city));
                expertOf(entry).ifPresent(expert -> out.add(new Delivery(Audiences.expert(expert), code, args,
                        "/review/" + city)));
            }
            case "notification.assessment.assigned", "notification.assessment.claimed" -> expertOf(entry)
                    .ifPresent(expert -> out.add(new Delivery(Audiences.expert(expert), code, args, "/review/" + city)));
            case "notification.assessment.validated", "notification.assessment.returned" -> {
                if (!city.isEmpty()) {
                    out.add(new Delivery(Audiences.city(city), code, args, "/cities/" + city + "/assessment"));
                }
            }
            case "notification.cluster.invited", "notification.cluster.approved", "notification.cluster.memberJoined" -> cityIds(entry)
                    .forEach(member -> out.add(new Delivery(Audiences.city(member), code, args, "/clusters/" + id)));
            case "notification.reverification.due" -> {
                String link = "/curation?tab=reverification";
                if (!city.isEmpty()) {
                    out.add(new Delivery(Audiences.city(city), code, args, "/my-city"));
                }
                out.add(new Delivery(Audiences.CURATORS, code, args, link));
            }
            default -> {
                // not something anyone is told about
            }
        }
        return out;
    }

    private static java.util.Optional<String> expertOf(AuditRecord entry) {
        return java.util.Optional.ofNullable(entry.details().get("expertId")).map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    private static Set<String> cityIds(AuditRecord entry) {
        return ids(entry, "cityIds");
    }

    private static Set<String> ids(AuditRecord entry, String key) {
        String list = entry.details().getOrDefault(key, "");
        Set<String> ids = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        return ids;
    }
}
