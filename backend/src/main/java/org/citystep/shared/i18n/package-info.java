/**
 * The languages CityStep answers in (English and Simplified Chinese), chosen per request from
 * {@code Accept-Language}, and the message bundles every sentence a person reads comes from.
 */
@NullMarked
package org.citystep.shared.i18n;

import org.jspecify.annotations.NullMarked;
