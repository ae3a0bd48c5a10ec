package dev.sluice.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directives only batches understand, taken out of a batch request before it is planned: the
 * simulated provider (main code) refuses any directive it does not know, and these concern the
 * batch, not the answer. {@code [sim:batch-expire]} makes the batch expire at this request; {@code
 * [sim:batch-time=500ms]} in a batch's first request sets the batch's processing time; {@code
 * [sim:batch-answer-lost]} in any request of an OpenAI batch makes its creation answered with a 500
 * although the batch was made (a creation whose answer a crash or a network lost). All may share a
 * directive with others ({@code [sim:server-error batch-expire]}). Like every directive they count
 * only in the last user message; a directive left empty goes with the one line break or space after
 * it, as {@code [sim:say]} expects.
 */
final class BatchDirectives {

  private static final Pattern DIRECTIVE = Pattern.compile("\\[sim:([^\\]]*)\\](\\r\\n|\\n| )?");
  private static final String EXPIRE = "batch-expire";
  private static final String TIME = "batch-time=";
  private static final String ANSWER_LOST = "batch-answer-lost";

  /**
   * A request body without its batch directives, and what they asked for.
   *
   * @param body a copy of the body, the batch directives removed
   * @param expires {@code [sim:batch-expire]} was there
   * @param time the value of {@code [sim:batch-time=...]}, unparsed, or null
   * @param answerLost {@code [sim:batch-answer-lost]} was there
   */
  record Stripped(JsonObject body, boolean expires, String time, boolean answerLost) {}

  private BatchDirectives() {}

  /**
   * Removes the batch directives from the last user message of an OpenAI Chat Completions or
   * Anthropic Messages body; a body without messages is returned as it is, for planning to refuse.
   */
  static Stripped strip(JsonObject body) {
    JsonObject copy = body.copy();
    Object messages = copy.getValue("messages");
    JsonObject last = messages instanceof JsonArray array ? lastUserMessage(array) : null;
    if (last == null) {
      return new Stripped(copy, false, null, false);
    }
    Found found = new Found();
    Object content = last.getValue("content");
    if (content instanceof String text) {
      last.put("content", found.strip(text));
    } else if (content instanceof JsonArray parts) {
      for (Object p : parts) {
        if (p instanceof JsonObject part && part.getValue("text") instanceof String text) {
          part.put("text", found.strip(text));
        }
      }
    }
    return new Stripped(copy, found.expires, found.time, found.answerLost);
  }

  /** The last message {@link WireRequests} reads as the user's, in either protocol. */
  private static JsonObject lastUserMessage(JsonArray messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.getValue(i) instanceof JsonObject message) {
        String role = String.valueOf(message.getValue("role"));
        if (!List.of("system", "developer", "assistant").contains(role)) {
          return message;
        }
      }
    }
    return null;
  }

  /** What the directives of one message asked for, gathered while they are removed. */
  private static final class Found {
    boolean expires;
    String time;
    boolean answerLost;

    String strip(String text) {
      Matcher m = DIRECTIVE.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String[] words = m.group(1).trim().split("\\s+");
        List<String> kept = new ArrayList<>();
        for (String word : words) {
          if (word.equals(EXPIRE)) {
            expires = true;
          } else if (word.equals(ANSWER_LOST)) {
            answerLost = true;
          } else if (word.startsWith(TIME)) {
            time = time == null ? word.substring(TIME.length()) : time;
          } else {
            kept.add(word);
          }
        }
        String after = m.group(2) == null ? "" : m.group(2);
        String replacement;
        if (kept.size() == words.length) {
          // Not a batch directive: left exactly as written for the planner.
          replacement = m.group();
        } else {
          replacement = kept.isEmpty() ? "" : "[sim:" + String.join(" ", kept) + "]" + after;
        }
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      return out.toString();
    }
  }
}
