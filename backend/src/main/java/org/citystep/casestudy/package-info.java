/**
 * Good-practice case studies and their curation. A city's editors draft and submit their city's
 * case studies; the technical expert group (curators) requests changes, publishes, rejects,
 * archives, marks best practice and re-verifies. Every transition is kept in an audit trail. Only
 * published case studies reach the public and the search index.
 */
@NullMarked
package org.citystep.casestudy;

import org.jspecify.annotations.NullMarked;
