/**
 * {@code /api/documents}: uploads (multipart files or JSON text), bulk loads (JSON Lines), and the
 * caller's documents listed, read and deleted; errors are problem documents.
 */
package dev.sluice.documents.rest;
