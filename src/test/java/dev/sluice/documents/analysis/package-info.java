/**
 * Tests of the document analyses against a scripted gate that answers like the simulated provider:
 * each analysis kind, output validation and the repair attempt, long documents condensed section by
 * section, failure mapping.
 */
package dev.sluice.documents.analysis;
