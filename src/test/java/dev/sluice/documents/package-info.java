/** Unit tests of the documents' rules: text, filters, cursors, drafts and the bulk body's lines. */
package dev.sluice.documents;
