package dev.sluice.generations.rest;

import dev.sluice.generations.GenerationQueries.Totals;
import java.time.LocalDate;
import java.util.List;

/** Tokens and cost per user, model or day over a range of days, with their sum. */
public record CostsView(String by, LocalDate from, LocalDate to, List<Totals> rows, Totals total) {}
