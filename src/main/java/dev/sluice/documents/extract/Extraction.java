package dev.sluice.documents.extract;

/**
 * What was read from a file: the media type it is stored under and, for text formats, its text
 * (null for images and audio, which are kept as they are).
 */
public record Extraction(String contentType, String text) {}
