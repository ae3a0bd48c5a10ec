package dev.sluice.generations;

import dev.sluice.platform.database.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Deletes generation records started before a cut-off, a slice at a time (each slice its own short
 * transaction), except those of a batch still in the database that had not finished by the cut-off.
 */
public final class GenerationPurge {

  private static final String PURGE_SLICE =
      "DELETE FROM generation WHERE id IN (SELECT g.id FROM generation g WHERE g.started_at < ?"
          + " AND NOT EXISTS (SELECT 1 FROM analysis_batch b WHERE b.id = g.batch_id"
          + " AND (b.finished_at IS NULL OR b.finished_at >= ?))"
          + " FETCH FIRST %d ROWS ONLY)";

  private final DataSource dataSource;
  private final int slice;

  public GenerationPurge(DataSource dataSource, int slice) {
    if (slice < 1) {
      throw new IllegalArgumentException("slice must be at least 1");
    }
    this.dataSource = dataSource;
    this.slice = slice;
  }

  /** Deletes what the retention no longer keeps; returns how many records went. */
  public long purgeBefore(Instant cutoff) throws SQLException {
    long deleted = 0;
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try (PreparedStatement s = c.prepareStatement(String.format(PURGE_SLICE, slice))) {
        s.setObject(1, Timestamps.fromInstant(cutoff));
        s.setObject(2, Timestamps.fromInstant(cutoff));
        for (int n = s.executeUpdate(); n > 0; n = s.executeUpdate()) {
          deleted += n;
        }
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
    return deleted;
  }
}
