package dev.sluice.generations.rest;

import java.util.List;

/** A page of generations, newest first; {@code next} fetches the following page (null: none). */
public record GenerationPageView(List<GenerationView> items, String next) {}
