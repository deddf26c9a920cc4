package org.citystep.notification;

import java.util.ArrayList;
import java.util.List;

import org.citystep.security.CurrentUser;
import org.citystep.security.Role;

/**
 * Who a notification is for, as a token shows it: there is no user directory, so a notification is
 * addressed to an audience and each reader reads the inboxes of the audiences their token puts them in.
 */
public final class Audiences {

    public static final String CURATORS = "role:curator";

    private Audiences() {
    }

    public static String city(String cityId) {
        return "city:" + cityId;
    }

    public static String expert(String expertId) {
        return "expert:" + expertId;
    }

    public static String user(String subject) {
        return "user:" + subject;
    }

    /** The audiences whose inboxes {@code user} reads: curators (and admins, who act for them), their city, their expert record, themselves. */
    public static List<String> of(CurrentUser user) {
        List<String> audiences = new ArrayList<>();
        if (user.isAnonymous()) {
            return audiences;
        }
        if (user.has(Role.CURATOR) || user.has(Role.ADMIN)) {
            audiences.add(CURATORS);
        }
        if (user.has(Role.CITY_EDITOR)) {
            user.cityId().ifPresent(id -> audiences.add(city(id)));
        }
        if (user.has(Role.EXPERT)) {
            user.expertId().ifPresent(id -> audiences.add(expert(id)));
        }
        audiences.add(user(user.subject()));
        return audiences;
    }
}
