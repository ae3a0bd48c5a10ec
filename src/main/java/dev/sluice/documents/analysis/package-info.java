/**
 * The analyses Sluice runs on a document (summary, key points, sentiment, image description,
 * transcription, a custom instruction): prompts, output validation, long documents summarised
 * section by section, every call through the admission gate.
 */
package dev.sluice.documents.analysis;
