package dev.sluice.platform.messaging;

import dev.sluice.admission.Priority;

/** The JMS priority (0 to 9, 9 first) a chat job is sent with. */
public final class JmsPriority {

  private JmsPriority() {}

  public static int of(Priority priority) {
    return switch (priority) {
      case URGENT -> 9;
      case HIGH -> 7;
      case NORMAL -> 5;
      case LOW -> 3;
      case BATCH -> 1;
    };
  }
}
