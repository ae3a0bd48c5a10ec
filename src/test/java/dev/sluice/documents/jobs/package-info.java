/** Unit tests of single-document processing: what an upload may ask for. */
package dev.sluice.documents.jobs;
