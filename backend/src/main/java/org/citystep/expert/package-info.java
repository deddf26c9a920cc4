/**
 * The technical expert group's database of experts: who knows which characteristics and service
 * domains, in which languages. Curators create and approve experts; an expert keeps its own record
 * (the one its {@code expertId} claim names). Contact details are shown to signed-in users only.
 */
@NullMarked
package org.citystep.expert;

import org.jspecify.annotations.NullMarked;
