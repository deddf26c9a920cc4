@NullMarked
package org.citystep.cityremoval.web;

import org.jspecify.annotations.NullMarked;
