package org.citystep.shared.problem;

/**
 * A backing service (Elasticsearch, Keycloak, MongoDB) did not answer. Answered as 503 so clients
 * know to retry, never as 500.
 */
public class BackingServiceUnavailableException extends RuntimeException {

    public BackingServiceUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable: " + cause.getMessage(), cause);
    }
}
