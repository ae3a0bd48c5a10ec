package dev.sluice.documents.batch.admin;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** One page of a keyset-paged list; {@code next} is the cursor of the following page, or null. */
@JsonbNillable
public record Page<T>(List<T> items, String next) {}
