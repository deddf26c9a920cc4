/**
 * The bilingual glossary the technical expert group curates: smart-city terms in English and
 * Simplified Chinese, each with its synonyms, some tied to a reference code (a service domain, a
 * technology). Search expands a query with it at query time, so a query in one language finds
 * content written only in the other, and a change to a term counts from the next search on.
 */
@NullMarked
package org.citystep.glossary;

import org.jspecify.annotations.NullMarked;
