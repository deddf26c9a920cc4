/**
 * What follows from the audit log: the audit log's read model (an Elasticsearch index, so listing
 * and filtering never scans MongoDB) and notifications. A leased worker takes each new audit entry
 * once ({@code AuditLog.pending}), indexes it and delivers notifications by its action code to
 * audiences derived from tokens ({@code role:curator}, {@code city:<id>}, {@code expert:<id>},
 * {@code user:<sub>}): Keycloak holds the users, the app keeps no user directory. A notification
 * stores a message code and its arguments and is rendered in the reader's language when read.
 */
@NullMarked
package org.citystep.notification;

import org.jspecify.annotations.NullMarked;
