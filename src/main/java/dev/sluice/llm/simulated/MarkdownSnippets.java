package dev.sluice.llm.simulated;

import java.util.SplittableRandom;

/**
 * The fenced code blocks and tables a {@link MarkdownAnswer} may hold: a few lines of plausible
 * code in one of three languages, or a header, delimiter and two or three rows. Each is a whole
 * block, so whoever places it never leaves a fence or a table open.
 */
final class MarkdownSnippets {

  private MarkdownSnippets() {}

  static String code(SplittableRandom random) {
    String a = Sentences.noun(random);
    String b = Sentences.noun(random);
    String state = Sentences.adjective(random);
    return switch (random.nextInt(3)) {
      case 0 ->
          fence(
              "java",
              "List<" + type(a) + "> " + a + "s = " + b + ".load();",
              "for (" + type(a) + " " + a + " : " + a + "s) {",
              "  if (" + a + ".is" + type(state) + "()) {",
              "    " + b + ".send(" + a + ");",
              "  }",
              "}");
      case 1 ->
          fence(
              "js",
              "const " + a + " = await " + b + ".fetch(\"/" + a + "s\");",
              "if (!" + a + ".ok) {",
              "  throw new Error(\"" + b + " is not " + state + "\");",
              "}");
      default ->
          fence(
              "sql",
              "SELECT " + a + ", COUNT(*) AS total",
              "FROM " + b + "s",
              "WHERE state = '" + state + "'",
              "GROUP BY " + a,
              "ORDER BY total DESC;");
    };
  }

  static String table(SplittableRandom random) {
    StringBuilder table =
        new StringBuilder("| " + type(Sentences.noun(random)) + " | Count | State |\n")
            .append("|---|---:|---|");
    for (int rows = 2 + random.nextInt(2); rows > 0; rows--) {
      table
          .append("\n| ")
          .append(Sentences.noun(random))
          .append(" | ")
          .append(1 + random.nextInt(99))
          .append(" | ")
          .append(Sentences.adjective(random))
          .append(" |");
    }
    return table.toString();
  }

  private static String fence(String language, String... lines) {
    return "```" + language + "\n" + String.join("\n", lines) + "\n```";
  }

  private static String type(String word) {
    return Sentences.capitalise(word);
  }
}
