/**
 * Open data: the platform's public datasets as bulk exports (JSON Lines and CSV, streamed in
 * constant memory, with ETag, Last-Modified and {@code since}) and as a DCAT-AP 3.0 catalogue that
 * data portals harvest. Reads each feature through its public service, and exports only what anyone
 * may read anyway: never drafts, never contact details.
 */
@NullMarked
package org.citystep.opendata;

import org.jspecify.annotations.NullMarked;
