/**
 * Reading uploaded files: their type from their bytes (Apache Tika's detectors), their text from
 * PDF, DOCX, HTML, Markdown and plain text (Tika's parsers), and the clear refusals for files that
 * are of no accepted type (415) or whose text cannot be read (422); and the rules for any
 * document's text however it arrived ({@link dev.sluice.documents.extract.DocumentText}). It
 * imports nothing from {@code documents}: the document package builds on it.
 */
package dev.sluice.documents.extract;
