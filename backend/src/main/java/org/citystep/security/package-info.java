/**
 * Who the caller is and what routes they may reach. Keycloak issues the tokens; this module
 * validates them (issuer, signature, audience), turns realm roles into authorities, exposes the
 * {@code cityId}/{@code expertId} claims as {@link org.citystep.security.CurrentUser}, and collects
 * each feature's {@link org.citystep.security.RouteRules}. Ownership checks live in the features'
 * services.
 */
@NullMarked
package org.citystep.security;

import org.jspecify.annotations.NullMarked;
