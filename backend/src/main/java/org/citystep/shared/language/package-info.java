/** Language tags as CityStep compares them. */
@NullMarked
package org.citystep.shared.language;

import org.jspecify.annotations.NullMarked;
