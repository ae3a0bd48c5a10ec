package dev.sluice.documents;

/**
 * A document read and checked but not yet stored, with the bytes to keep (null for text), so a
 * caller can store it inside a transaction of its own together with more rows.
 */
public record IncomingDocument(Document document, byte[] content) {}
