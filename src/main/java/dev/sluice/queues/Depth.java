package dev.sluice.queues;

import dev.sluice.platform.messaging.WakeupBundle;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.util.Enumeration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many jobs a queue holds, by JMS priority, counted by browsing it: a message each, or a
 * bundle's jobs ({@link WakeupBundle}). Browsing stops at {@code cap} messages so a deep queue
 * answers as fast as a shallow one; {@code capped} then says the queue holds at least that many.
 */
public record Depth(int count, boolean capped, SortedMap<Integer, Integer> byPriority) {

  public Depth {
    byPriority = new TreeMap<>(byPriority);
  }

  /** Browses {@code browser} up to {@code cap} messages (at least one). */
  public static Depth count(QueueBrowser browser, int cap) throws JMSException {
    int limit = Math.max(1, cap);
    SortedMap<Integer, Integer> byPriority = new TreeMap<>();
    Enumeration<?> messages = browser.getEnumeration();
    int browsed = 0;
    int count = 0;
    while (browsed < limit && messages.hasMoreElements()) {
      Message message = (Message) messages.nextElement();
      int jobs = jobs(message);
      byPriority.merge(message.getJMSPriority(), jobs, Integer::sum);
      count += jobs;
      browsed++;
    }
    return new Depth(count, browsed == limit && messages.hasMoreElements(), byPriority);
  }

  /** The jobs a message wakes: a bundle's several, any other message one. */
  private static int jobs(Message message) throws JMSException {
    if (message instanceof TextMessage text) {
      return Math.max(1, WakeupBundle.workIds(text.getText()).size());
    }
    return 1;
  }

  /** The counts by priority with the priorities as JSON object keys ("4", "9"). */
  public Map<String, Integer> byPriorityNames() {
    Map<String, Integer> named = new java.util.LinkedHashMap<>();
    byPriority.forEach((priority, n) -> named.put(Integer.toString(priority), n));
    return named;
  }
}
