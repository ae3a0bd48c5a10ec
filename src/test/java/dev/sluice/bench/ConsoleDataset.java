package dev.sluice.bench;

import dev.sluice.admission.CallOrigin;
import dev.sluice.generations.Generation;
import dev.sluice.generations.GenerationStatus;
import dev.sluice.generations.GenerationWriter;
import dev.sluice.platform.database.SchemaMigration;
import dev.sluice.platform.database.Timestamps;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fills a database with a console-sized history, for the console benchmark: generation records
 * spread over the last days (with their daily totals, written by the server's own {@link
 * GenerationWriter}), batches with items and results (some running, some with failures), and chats
 * with answers in every state. The schema is migrated first, exactly as the server would.
 *
 * <pre>
 *   java -cp "$(bin/test-classpath)" dev.sluice.bench.ConsoleDataset --url=jdbc:... [--user=sa]
 *     [--password=] [--generations=1000000] [--batches=10000] [--documents-per-batch=10]
 *     [--days=30] [--users=200] [--chats=2000]
 * </pre>
 */
public final class ConsoleDataset {

  private static final String[] MODELS = {
    "sim-small", "sim-large", "gpt-4o", "gpt-4o-mini", "claude-haiku-4-5", "claude-sonnet-4-5"
  };
  private static final String[] ANALYSES = {"summary", "sentiment"};
  private static final int BATCH_ROWS = 5_000;

  private final SplittableRandom random = new SplittableRandom(42);
  private final Instant now = Instant.now();
  private final Options options;

  record Options(
      String url,
      String user,
      String password,
      int generations,
      int batches,
      int documentsPerBatch,
      int days,
      int users,
      int chats) {

    static Options parse(String[] args) {
      String url = null;
      String user = "sa";
      String password = "";
      int generations = 1_000_000;
      int batches = 10_000;
      int perBatch = 10;
      int days = 30;
      int users = 200;
      int chats = 2_000;
      for (String arg : args) {
        String[] kv = arg.replaceFirst("^--", "").split("=", 2);
        String v = kv.length > 1 ? kv[1] : "";
        switch (kv[0]) {
          case "url" -> url = v;
          case "user" -> user = v;
          case "password" -> password = v;
          case "generations" -> generations = Integer.parseInt(v);
          case "batches" -> batches = Integer.parseInt(v);
          case "documents-per-batch" -> perBatch = Integer.parseInt(v);
          case "days" -> days = Integer.parseInt(v);
          case "users" -> users = Integer.parseInt(v);
          case "chats" -> chats = Integer.parseInt(v);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (url == null) {
        throw new IllegalArgumentException("--url=jdbc:... is required");
      }
      return new Options(url, user, password, generations, batches, perBatch, days, users, chats);
    }
  }

  ConsoleDataset(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    DataSource dataSource = dataSource(options);
    long t0 = System.nanoTime();
    SchemaMigration.migrate(dataSource);
    try (Connection c = dataSource.getConnection()) {
      ConsoleDataset dataset = new ConsoleDataset(options);
      dataset.generations(c);
      dataset.batches(c);
      dataset.chats(c);
    }
    System.out.printf(
        "dataset written in %.0f s: %,d generations, %,d batches, %,d chats%n",
        (System.nanoTime() - t0) / 1e9, options.generations, options.batches, options.chats);
  }

  private static DataSource dataSource(Options o) {
    if (o.url().startsWith("jdbc:postgresql:")) {
      org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
      pg.setURL(o.url());
      pg.setUser(o.user());
      pg.setPassword(o.password());
      pg.setReWriteBatchedInserts(true);
      return pg;
    }
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL(o.url());
    h2.setUser(o.user());
    h2.setPassword(o.password());
    return h2;
  }

  void generations(Connection c) throws SQLException {
    GenerationWriter writer = new GenerationWriter();
    List<Generation> rows = new ArrayList<>(BATCH_ROWS);
    long span = Duration.ofDays(options.days()).toMillis();
    for (int i = 0; i < options.generations(); i++) {
      Instant started = now.minusMillis(random.nextLong(span));
      rows.add(generation(started));
      if (rows.size() == BATCH_ROWS) {
        writer.writeRowsOnly(c, rows);
        rows.clear();
        if (i % 100_000 < BATCH_ROWS) {
          System.out.printf("  %,d generations%n", i + 1);
        }
      }
    }
    writer.writeRowsOnly(c, rows);
    writer.rebuildDailyTotals(c);
  }

  private Generation generation(Instant started) {
    int roll = random.nextInt(100);
    GenerationStatus status =
        roll < 95
            ? GenerationStatus.COMPLETED
            : roll < 99 ? GenerationStatus.FAILED : GenerationStatus.CANCELLED;
    int src = random.nextInt(100);
    CallOrigin.Source source =
        src < 30
            ? CallOrigin.Source.CHAT
            : src < 95 ? CallOrigin.Source.BATCH : CallOrigin.Source.UPLOAD;
    String model = MODELS[random.nextInt(MODELS.length)];
    boolean ok = status == GenerationStatus.COMPLETED;
    long total = 200 + random.nextInt(8_000);
    long in = 50 + random.nextInt(3_000);
    long out = ok ? 20 + random.nextInt(800) : 0;
    return new Generation(
        UUID.randomUUID().toString(),
        started,
        started.plusMillis(total),
        source,
        UUID.randomUUID().toString(),
        source == CallOrigin.Source.CHAT ? null : UUID.randomUUID().toString(),
        user(random.nextInt(options.users())),
        model,
        ok ? model : null,
        model.startsWith("sim") ? "simulated" : model.startsWith("gpt") ? "openai" : "anthropic",
        source == CallOrigin.Source.CHAT ? "HIGH" : "BATCH",
        status,
        status == GenerationStatus.FAILED
            ? "SERVER_ERROR"
            : status == GenerationStatus.CANCELLED ? "CANCELLED" : null,
        status == GenerationStatus.FAILED ? "upstream answered 500" : null,
        1,
        "[{\"model\":\"" + model + "\",\"outcome\":\"ADMITTED_COMPLETED\",\"queueWaitMs\":3}]",
        model,
        random.nextInt(200),
        ok ? (long) random.nextInt(1_500) : null,
        total,
        in,
        out,
        false,
        BigDecimal.valueOf(in * 15 + out * 60, 8),
        null,
        null);
  }

  void batches(Connection c) throws SQLException {
    String insertBatch =
        "INSERT INTO analysis_batch (id, owner, status, analyses, model, priority, max_concurrency,"
            + " partitions, item_count, execution_id, created_at, updated_at, started_at,"
            + " finished_at, kind) VALUES (?, ?, ?, ?, ?, 'BATCH', 8, 2, ?, NULL, ?, ?, ?, ?,"
            + " 'BATCH')";
    String insertItem = "INSERT INTO batch_item (batch_id, item_no, document_id) VALUES (?, ?, ?)";
    String insertResult =
        "INSERT INTO analysis_result (batch_id, document_id, analysis, item_no, partition_no,"
            + " status, output, model_answered, input_tokens, output_tokens, cost_usd, attempts,"
            + " time_ms, error_code, error_message, created_at, updated_at) VALUES (?, ?, ?, ?, ?,"
            + " ?, ?, 'sim-small', 100, 40, 0.0001, 1, 900, ?, ?, ?, ?)";
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    long span = Duration.ofDays(options.days()).toMillis();
    int per = options.documentsPerBatch();
    try (PreparedStatement batch = c.prepareStatement(insertBatch);
        PreparedStatement item = c.prepareStatement(insertItem);
        PreparedStatement result = c.prepareStatement(insertResult)) {
      for (int b = 0; b < options.batches(); b++) {
        String id = UUID.randomUUID().toString();
        boolean running = b < 20;
        String status =
            running ? "STARTED" : b % 50 == 0 ? "FAILED" : b % 40 == 0 ? "STOPPED" : "COMPLETED";
        LocalDateTime created = Timestamps.fromInstant(now.minusMillis(random.nextLong(span)));
        batch.setString(1, id);
        batch.setString(2, user(random.nextInt(options.users())));
        batch.setString(3, status);
        batch.setString(4, String.join(",", ANALYSES));
        batch.setString(5, "sim-small");
        batch.setInt(6, per);
        batch.setObject(7, created);
        batch.setObject(8, created);
        batch.setObject(9, created);
        batch.setObject(10, running ? null : created.plusMinutes(5));
        batch.addBatch();
        int finished = running ? per / 2 : per;
        for (int i = 0; i < per; i++) {
          String document = UUID.randomUUID().toString();
          item.setString(1, id);
          item.setInt(2, i);
          item.setString(3, document);
          item.addBatch();
          if (i >= finished) {
            continue;
          }
          for (String analysis : ANALYSES) {
            boolean failed = random.nextInt(100) < 3;
            result.setString(1, id);
            result.setString(2, document);
            result.setString(3, analysis);
            result.setInt(4, i);
            result.setInt(5, i < (per + 1) / 2 ? 0 : 1);
            result.setString(6, failed ? "FAILED" : "COMPLETED");
            result.setString(7, failed ? null : "A short result.");
            result.setString(8, failed ? "SERVER_ERROR" : null);
            result.setString(9, failed ? "upstream answered 500" : null);
            result.setObject(10, created);
            result.setObject(11, created);
            result.addBatch();
          }
        }
        if (b % 200 == 199) {
          batch.executeBatch();
          item.executeBatch();
          result.executeBatch();
          c.commit();
        }
        if (b % 2_000 == 1_999) {
          System.out.printf("  %,d batches%n", b + 1);
        }
      }
      batch.executeBatch();
      item.executeBatch();
      result.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  void chats(Connection c) throws SQLException {
    String insertChat =
        "INSERT INTO chat (id, owner, title, model, created_at, updated_at) VALUES (?, ?, ?,"
            + " 'sim-small', ?, ?)";
    String insertMessage =
        "INSERT INTO chat_message (id, chat_id, seq, role, content, status, priority, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, 'HIGH', ?, ?)";
    String[] answerStates = {"COMPLETED", "COMPLETED", "COMPLETED", "FAILED", "CANCELLED"};
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    long span = Duration.ofDays(options.days()).toMillis();
    try (PreparedStatement chat = c.prepareStatement(insertChat);
        PreparedStatement message = c.prepareStatement(insertMessage)) {
      for (int i = 0; i < options.chats(); i++) {
        String id = UUID.randomUUID().toString();
        LocalDateTime at = Timestamps.fromInstant(now.minusMillis(random.nextLong(span)));
        chat.setString(1, id);
        chat.setString(2, user(random.nextInt(options.users())));
        chat.setString(3, "chat " + i);
        chat.setObject(4, at);
        chat.setObject(5, at);
        chat.addBatch();
        for (int seq = 1; seq <= 10; seq++) {
          boolean question = seq % 2 == 1;
          message.setString(1, UUID.randomUUID().toString());
          message.setString(2, id);
          message.setInt(3, seq);
          message.setString(4, question ? "USER" : "ASSISTANT");
          message.setString(5, question ? "A question?" : "An answer.");
          message.setString(
              6, question ? "COMPLETED" : answerStates[random.nextInt(answerStates.length)]);
          message.setObject(7, at);
          message.setObject(8, at);
          message.addBatch();
        }
        if (i % 200 == 199) {
          chat.executeBatch();
          message.executeBatch();
          c.commit();
        }
      }
      chat.executeBatch();
      message.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static String user(int n) {
    return "user-" + n;
  }
}
