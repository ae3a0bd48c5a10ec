package dev.sluice.chat;

import dev.sluice.platform.database.Timestamps;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;

/** Applies a batch of answer writes, in order, in one transaction of its own. */
@ApplicationScoped
@Transactional(value = TxType.REQUIRES_NEW, rollbackOn = Exception.class)
public class AnswerWriteBatch {

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  private final Clock clock = Clock.systemUTC();

  /**
   * Runs every write; a failure rolls all of them back. Questions go first: each locks its chat's
   * row, and a chat's deletion locks that row before its messages' rows, so a batch that took an
   * answer's row (a claim, a save) before its chat's would wait for the deletion while the deletion
   * waits for it. The other writes keep their order, so an answer's saves come before its end.
   */
  public void apply(List<AnswerWrite> writes) throws SQLException {
    LocalDateTime now = Timestamps.now(clock);
    try (Connection connection = dataSource.getConnection()) {
      for (AnswerWrite write : writes) {
        if (write instanceof AskWrite) {
          write.apply(connection, now);
        }
      }
      for (AnswerWrite write : writes) {
        if (!(write instanceof AskWrite)) {
          write.apply(connection, now);
        }
      }
    }
  }
}
