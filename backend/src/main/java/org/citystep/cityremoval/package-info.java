/**
 * Retiring and deleting cities created by mistake, with what depends on them: admins retire a city
 * (hidden everywhere, restorable) or delete it with its assessments, case studies, cluster places,
 * search documents and suggestions. A deletion marks the city first, so a deletion that stops
 * halfway is finished by {@link org.citystep.cityremoval.CityDeletionWorker}.
 */
@NullMarked
package org.citystep.cityremoval;

import org.jspecify.annotations.NullMarked;
