package dev.sluice.documents.batch.rest;

import java.util.List;

/** A page of batches; {@code next} is passed back as {@code after} for the following page. */
public record BatchPageView(List<BatchView> items, String next) {}
