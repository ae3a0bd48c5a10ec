package dev.sluice.documents.batch.rest;

import java.util.List;

/** A page of results; {@code next} is passed back as {@code after} for the following page. */
public record ResultPageView(List<ResultView> items, String next) {}
