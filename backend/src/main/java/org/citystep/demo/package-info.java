/**
 * The demo data set: the 30 pilot cities of the white paper's Figure 1 with plausible, clearly
 * labelled demo profiles, validated self-assessments whose criteria reproduce Figure 3, and a few
 * experts. Loaded on the first local start when the database holds no city; never in production
 * unless asked ({@code CITYSTEP_DEMO_DATA=true}).
 */
@NullMarked
package org.citystep.demo;

import org.jspecify.annotations.NullMarked;
