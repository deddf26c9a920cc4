/**
 * City profiles: who a city is (names in several languages, country, region, size). Curators and
 * admins create cities; a city's own editors, curators and admins update them; everyone reads them.
 * Every write is indexed into the search read model.
 */
@NullMarked
package org.citystep.city;

import org.jspecify.annotations.NullMarked;
