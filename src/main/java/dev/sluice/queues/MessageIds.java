package dev.sluice.queues;

import dev.sluice.platform.problem.ProblemException;
import java.util.regex.Pattern;

/**
 * The JMS message ids an operator may name. Every provider's id starts with {@code ID:}; the rest
 * is letters, digits and a few separators, never a quote or a space, so an id checked here can be
 * put in a message selector without changing what the selector means.
 */
public final class MessageIds {

  static final String FIELD = "messageId";
  private static final Pattern ID = Pattern.compile("ID:[A-Za-z0-9._:\\-]{1,120}");

  private MessageIds() {}

  /** The id, or a 400 problem naming {@code messageId} when it is not one. */
  public static String checked(String raw) {
    if (raw == null || !ID.matcher(raw).matches()) {
      throw ProblemException.invalidField(
          400, FIELD, "a JMS message id: ID: followed by letters, digits, '.', '_', ':' or '-'");
    }
    return raw;
  }

  /** The selector matching exactly the message {@code id}, which must have been checked. */
  public static String selector(String id) {
    return "JMSMessageID = '" + checked(id) + "'";
  }
}
