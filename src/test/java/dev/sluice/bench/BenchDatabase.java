package dev.sluice.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The database the bench server runs on: H2 (Sluice's default, a file in the server's directory
 * that {@link BenchServer} deletes before each start) or whatever {@code SLUICE_DB}, {@code
 * SLUICE_DB_URL}, {@code SLUICE_DB_USER} and {@code SLUICE_DB_PASSWORD} name, passed to the server
 * as they are. {@code bin/bench-chats} empties a PostgreSQL database before the run and says so in
 * {@code BENCH_DB_RECREATED}.
 */
record BenchDatabase(
    String kind, String url, String user, boolean recreated, Map<String, String> settings) {

  /** The variables passed through to the server when set. */
  static final List<String> VARIABLES =
      List.of(
          "SLUICE_DB",
          "SLUICE_DB_URL",
          "SLUICE_DB_USER",
          "SLUICE_DB_PASSWORD",
          "SLUICE_DB_MAX_CONNECTIONS");

  static BenchDatabase fromEnvironment() {
    return of(System.getenv());
  }

  static BenchDatabase of(Map<String, String> env) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : VARIABLES) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        settings.put(name, value);
      }
    }
    String kind = settings.getOrDefault("SLUICE_DB", "h2").toLowerCase(Locale.ROOT);
    return new BenchDatabase(
        kind,
        settings.get("SLUICE_DB_URL"),
        settings.get("SLUICE_DB_USER"),
        "yes".equals(env.get("BENCH_DB_RECREATED")),
        Map.copyOf(settings));
  }

  boolean isH2() {
    return kind.equals("h2");
  }

  /** For the report, without a password. */
  String describe() {
    if (isH2() && url == null) {
      return "H2 (a file database in the server's directory, deleted before the start)";
    }
    String name = isH2() ? "H2" : kind.equals("postgresql") ? "PostgreSQL" : kind;
    String where = url == null ? "" : " `" + url.replaceAll("(?i)(password=)[^&;]*", "$1***") + "`";
    String as = user == null ? "" : " as `" + user + "`";
    String fresh =
        recreated
            ? " (dropped and created again by bin/bench-chats before the start)"
            : " (used as found)";
    return name + where + as + fresh;
  }
}
