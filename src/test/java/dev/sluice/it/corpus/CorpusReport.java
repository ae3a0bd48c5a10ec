package dev.sluice.it.corpus;

import dev.sluice.it.Http;
import dev.sluice.it.corpus.CorpusCase.Creates;
import dev.sluice.it.corpus.Verdict.Fault;
import dev.sluice.it.corpus.Verdict.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the corpus found: every case with its answer, the faults by kind, and the records that the
 * accepted cases added (so the rest must have added none).
 */
final class CorpusReport {

  private final List<String> lines = new ArrayList<>();
  private final List<String> findings = new ArrayList<>();
  private final Map<Fault, Integer> byFault = new EnumMap<>(Fault.class);
  private final Map<Integer, Integer> byStatus = new TreeMap<>();
  private final Map<Creates, Integer> added = new EnumMap<>(Creates.class);
  private int tried;

  void add(String name, CorpusCase c, Outcome outcome, List<Finding> found) {
    tried++;
    byStatus.merge(outcome.status(), 1, Integer::sum);
    if (outcome.status() >= 200 && outcome.status() < 300) {
      count(c.creates(), outcome);
    }
    note(name + " -> " + outcome.status() + " " + outcome.contentType(), found);
  }

  void addSocket(String name, List<Finding> found) {
    tried++;
    note(name, found);
  }

  private void note(String line, List<Finding> found) {
    lines.add(line + (found.isEmpty() ? "" : "  !! " + found));
    for (Finding finding : found) {
      byFault.merge(finding.fault(), 1, Integer::sum);
      if (finding.fails()) {
        findings.add(line + ": " + finding.fault() + " " + abbreviate(finding.detail()));
      }
    }
  }

  private void count(Creates creates, Outcome outcome) {
    switch (creates) {
      case NOTHING -> {}
      case DOCUMENTS ->
          added.merge(
              Creates.DOCUMENT,
              Http.json(outcome.body()).asJsonObject().getInt("count"),
              Integer::sum);
      default -> added.merge(creates, 1, Integer::sum);
    }
  }

  Map<Creates, Integer> expected(Map<Creates, Integer> before, int messagesPerQuestion) {
    Map<Creates, Integer> expected = new EnumMap<>(before);
    added.forEach(
        (kind, n) ->
            expected.merge(
                kind, kind == Creates.MESSAGE ? n * messagesPerQuestion : n, Integer::sum));
    return expected;
  }

  List<String> findings() {
    return findings;
  }

  int tried() {
    return tried;
  }

  String summary() {
    return "tried "
        + tried
        + ", answers by status "
        + byStatus
        + ", faults "
        + byFault
        + "\n"
        + String.join("\n", findings.subList(0, Math.min(60, findings.size())));
  }

  void write(Path file, Map<Creates, Integer> expected, Map<Creates, Integer> after)
      throws IOException {
    Files.createDirectories(file.getParent());
    List<String> out = new ArrayList<>(lines);
    out.add("");
    out.add(summary());
    out.add("records expected " + expected + ", counted " + after);
    Files.write(file, out);
    System.out.println(
        "Bad-input corpus: tried " + tried + ", by status " + byStatus + ", faults " + byFault);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
