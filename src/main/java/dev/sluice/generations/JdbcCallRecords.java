package dev.sluice.generations;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.CallRecords;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** {@link CallRecords} on the generation table, by its reference index, in slices of 500. */
@ApplicationScoped
public class JdbcCallRecords implements CallRecords {

  private static final int SLICE = 500;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Inject GenerationRecorder recorder;

  @Override
  public boolean writeWaiting() {
    return recorder.flush();
  }

  @Override
  public Set<String> recorded(CallOrigin.Source source, Collection<String> references) {
    List<String> all = new ArrayList<>(references);
    Set<String> found = new HashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      for (int from = 0; from < all.size(); from += SLICE) {
        found.addAll(
            slice(connection, source, all.subList(from, Math.min(all.size(), from + SLICE))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("generation records could not be read", e);
    }
    return found;
  }

  private static Set<String> slice(
      Connection connection, CallOrigin.Source source, List<String> references)
      throws SQLException {
    String marks = String.join(",", java.util.Collections.nCopies(references.size(), "?"));
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT DISTINCT reference FROM generation WHERE source = ? AND reference IN ("
                + marks
                + ")")) {
      statement.setString(1, source.name());
      for (int i = 0; i < references.size(); i++) {
        statement.setString(i + 2, references.get(i));
      }
      Set<String> found = new HashSet<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      return found;
    }
  }
}
