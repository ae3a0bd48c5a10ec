package dev.sluice.bench;

import java.util.HashMap;
import java.util.Map;

/** Command-line options as {@code --name=value} (a bare {@code --name} is "true"), by name. */
final class NamedArgs {

  private NamedArgs() {}

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      options.put(pair[0], pair.length > 1 ? pair[1] : "true");
    }
    return options;
  }
}
