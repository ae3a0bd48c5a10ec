package dev.sluice.it.corpus;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Judges one answer: never a 5xx or no answer at all, never a Java exception, stack frame, server
 * message id or product name in the body, every 4xx a problem document with its status, a 400 for a
 * spoiled field naming that field, and a refusal where only a refusal is right.
 */
final class Verdict {

  /** What gives a server's insides away. */
  static final Pattern INTERNALS =
      Pattern.compile(
          "\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b"
              + "|\\b[A-Z]\\w*Exception\\b"
              + "|\\bat [\\w$.]+\\([\\w$]*\\.java:\\d+\\)"
              + "|\\b(?:SRVE|CWWK|CWWWC|CWNEN|SESN|JSPG|CWPKI|CWMOT|CWSI[AK]|J2CA|WTRN|DSRA)\\d{4}[EWIA]\\b"
              + "|Open Liberty|WebSphere|com\\.ibm\\.");

  private Verdict() {}

  /**
   * Liberty's own refusal of a path it cannot decode, written before any application is chosen and
   * with no hook to change it (see docs/hostile-input.md): counted, not failed.
   */
  private static final String UNDECODABLE_PATH =
      "CWWWC0005I: The request URI has invalid or improperly encoded characters";

  /** The kinds of fault, for the tally; {@link #CONTAINER} is a known answer, not a failure. */
  enum Fault {
    CONTAINER,
    NO_ANSWER,
    SERVER_ERROR,
    INTERNALS,
    NOT_A_PROBLEM,
    FIELD_NOT_NAMED,
    ACCEPTED
  }

  record Finding(Fault fault, String detail) {
    boolean fails() {
      return fault != Fault.CONTAINER;
    }
  }

  static List<Finding> judge(CorpusCase c, Outcome o) {
    List<Finding> findings = new ArrayList<>();
    if (o.status() == 400 && o.body().contains(UNDECODABLE_PATH)) {
      findings.add(new Finding(Fault.CONTAINER, "Liberty refused an undecodable path"));
      return findings;
    }
    if (c.container() && (o.status() == 0 || o.body().isEmpty() || bareRefusal(o))) {
      findings.add(new Finding(Fault.CONTAINER, "the server's HTTP layer answered " + o.status()));
      return findings;
    }
    if (o.status() == 0) {
      findings.add(new Finding(Fault.NO_ANSWER, o.body()));
      return findings;
    }
    if (o.status() >= 500) {
      findings.add(new Finding(Fault.SERVER_ERROR, String.valueOf(o.status())));
    }
    var internals = INTERNALS.matcher(o.body());
    if (internals.find()) {
      findings.add(new Finding(Fault.INTERNALS, internals.group()));
    }
    if (o.status() >= 400) {
      JsonObject problem = problem(o);
      if (problem == null) {
        findings.add(new Finding(Fault.NOT_A_PROBLEM, o.status() + " " + o.contentType()));
      } else if (o.status() == 400 && c.field() != null && !names(problem, c)) {
        findings.add(new Finding(Fault.FIELD_NOT_NAMED, c.field() + " not in " + problem));
      }
    } else if (c.mustRefuse() && o.status() < 300) {
      findings.add(new Finding(Fault.ACCEPTED, String.valueOf(o.status())));
    }
    return findings;
  }

  /** A 4xx of the server's own, such as Undertow's "Not Found" page: no internals in it. */
  private static boolean bareRefusal(Outcome o) {
    return o.status() >= 400 && o.status() < 500 && !INTERNALS.matcher(o.body()).find();
  }

  /** The problem document of a 4xx or 5xx, or {@code null} when it is not one. */
  private static JsonObject problem(Outcome o) {
    if (!o.contentType().startsWith("application/problem+json")) {
      return null;
    }
    try {
      JsonObject problem = Json.createReader(new StringReader(o.body())).readObject();
      return problem.getInt("status", -1) == o.status() && problem.containsKey("title")
          ? problem
          : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static boolean names(JsonObject problem, CorpusCase c) {
    String field = c.field();
    String last = field.substring(field.lastIndexOf('.') + 1);
    // A path the container refuses as a whole is named as "path": routing never reached its parts.
    boolean inPath = c.name().contains(" path " + field + "=");
    if (problem.get("errors") == null
        || problem.get("errors").getValueType() != JsonValue.ValueType.ARRAY) {
      return false;
    }
    return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field", ""))
        .anyMatch(
            f ->
                f.equals(field)
                    || (inPath && f.equals("path"))
                    || f.equals(last)
                    || f.startsWith(field + ".")
                    || f.startsWith(field + "[")
                    || f.endsWith("." + last));
  }
}
