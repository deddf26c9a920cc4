package org.citystep.support;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;

/** Signed-in callers for slice tests, shaped like the tokens the CityStep realm issues. */
public final class Users {

    private Users() {
    }

    public static JwtMutator editorOf(String cityId) {
        return mockJwt().jwt(jwt -> jwt.subject("editor-" + cityId).claim("preferred_username", "editor." + cityId)
                        .claim("cityId", cityId))
                .authorities(new SimpleGrantedAuthority("ROLE_CITY_EDITOR"));
    }

    public static JwtMutator curator() {
        return mockJwt().jwt(jwt -> jwt.subject("curator").claim("preferred_username", "curator.demo"))
                .authorities(new SimpleGrantedAuthority("ROLE_CURATOR"));
    }

    public static JwtMutator admin() {
        return mockJwt().jwt(jwt -> jwt.subject("admin").claim("preferred_username", "admin.demo"))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    /** An expert whose login is linked to the expert record {@code expertId}. */
    public static JwtMutator expertWith(String expertId) {
        return mockJwt().jwt(jwt -> jwt.subject("expert-" + expertId).claim("preferred_username", "expert." + expertId)
                        .claim("expertId", expertId))
                .authorities(new SimpleGrantedAuthority("ROLE_EXPERT"));
    }

    /** An expert role without a linked expert record. */
    public static JwtMutator expertWithoutRecord() {
        return mockJwt().jwt(jwt -> jwt.subject("loose-expert").claim("preferred_username", "loose.expert"))
                .authorities(new SimpleGrantedAuthority("ROLE_EXPERT"));
    }

    /** A city editor whose token lacks the cityId claim. */
    public static JwtMutator editorWithoutCity() {
        return mockJwt().jwt(jwt -> jwt.subject("editor-nowhere").claim("preferred_username", "editor.nowhere"))
                .authorities(new SimpleGrantedAuthority("ROLE_CITY_EDITOR"));
    }

    public static JwtMutator expert() {
        return mockJwt().jwt(jwt -> jwt.subject("expert").claim("preferred_username", "expert.demo")
                        .claim("expertId", "demo-expert"))
                .authorities(new SimpleGrantedAuthority("ROLE_EXPERT"));
    }
}
