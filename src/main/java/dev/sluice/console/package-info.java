/**
 * The admin console's overview: one read of what Sluice is doing now — chat jobs by state, running
 * batches, today's tokens and cost, every admission lane, and the last hour's calls — cheap enough
 * to poll every two seconds (index range scans and small aggregates only, never a scan of a large
 * table).
 */
package dev.sluice.console;
