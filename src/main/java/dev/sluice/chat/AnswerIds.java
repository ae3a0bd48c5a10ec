package dev.sluice.chat;

import java.util.regex.Pattern;

/**
 * The form of a message id (a random UUID, see {@link ChatMessage#of}), so a chat job that names no
 * message at all can be told from one whose message is gone.
 */
final class AnswerIds {

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final int SHOWN = 60;

  private AnswerIds() {}

  static boolean wellFormed(String id) {
    return id != null && UUID.matcher(id).matches();
  }

  /** Something received as an id, safe to log: cut short, control characters replaced. */
  static String shown(String received) {
    if (received == null) {
      return "no body";
    }
    String cut = received.length() <= SHOWN ? received : received.substring(0, SHOWN) + "...";
    return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
  }
}
