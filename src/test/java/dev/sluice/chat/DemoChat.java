package dev.sluice.chat;

import dev.sluice.platform.database.MigratedH2;
import java.sql.SQLException;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/** The chat row the SQL tests of this package start from: c1 of demo, sim-large, "Be brief.". */
final class DemoChat {

  static final String ID = "c1";

  private DemoChat() {}

  static void insert(DataSource dataSource, LocalDateTime at) throws SQLException {
    MigratedH2.update(
        dataSource,
        "INSERT INTO chat (id, owner, title, model, system_prompt, created_at, updated_at)"
            + " VALUES (?, 'demo', 't', 'sim-large', 'Be brief.', ?, ?)",
        ID,
        at,
        at);
  }
}
