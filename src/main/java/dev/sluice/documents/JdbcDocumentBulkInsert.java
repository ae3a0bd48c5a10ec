package dev.sluice.documents;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link DocumentBulkInsert} as one JDBC batch per chunk: one round trip for hundreds of rows,
 * where JPA would send them one by one and keep every entity in its persistence context until the
 * end. The connection is the container's, enlisted in the caller's JTA transaction, so closing it
 * commits nothing.
 */
@ApplicationScoped
public class JdbcDocumentBulkInsert implements DocumentBulkInsert {

  static final String INSERT =
      "INSERT INTO document (id, owner, title, content_type, size_bytes, text, char_count,"
          + " token_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Override
  public void insert(List<Document> chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(INSERT)) {
      for (Document document : chunk) {
        bind(statement, document);
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("storing " + chunk.size() + " documents failed", e);
    }
  }

  private static void bind(PreparedStatement statement, Document document) throws SQLException {
    statement.setString(1, document.id());
    statement.setString(2, document.owner());
    statement.setString(3, document.title());
    statement.setString(4, document.contentType());
    statement.setLong(5, document.sizeBytes());
    statement.setString(6, document.text());
    statement.setInt(7, document.charCount());
    statement.setInt(8, document.tokenCount());
    // The same UTC wall-clock value JPA writes for the entity's LocalDateTime.
    statement.setObject(9, LocalDateTime.ofInstant(document.createdAt(), ZoneOffset.UTC));
  }
}
