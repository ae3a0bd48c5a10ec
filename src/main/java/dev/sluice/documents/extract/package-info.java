/**
 * Reading uploaded files: their type from their bytes (Apache Tika's detectors), their text from
 * PDF, DOCX, HTML, Markdown and plain text (Tika's parsers), and the clear refusals for files that
 * are of no accepted type (415) or whose text cannot be read (422).
 */
package dev.sluice.documents.extract;
