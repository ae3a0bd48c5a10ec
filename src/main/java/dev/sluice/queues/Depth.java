package dev.sluice.queues;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many messages a queue holds, by JMS priority, counted by browsing it. Counting stops at
 * {@code cap} so a deep queue answers as fast as a shallow one; {@code capped} then says the queue
 * holds at least that many.
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
    int count = 0;
    while (count < limit && messages.hasMoreElements()) {
      Message message = (Message) messages.nextElement();
      byPriority.merge(message.getJMSPriority(), 1, Integer::sum);
      count++;
    }
    return new Depth(count, count == limit && messages.hasMoreElements(), byPriority);
  }

  /** The counts by priority with the priorities as JSON object keys ("4", "9"). */
  public Map<String, Integer> byPriorityNames() {
    Map<String, Integer> named = new java.util.LinkedHashMap<>();
    byPriority.forEach((priority, n) -> named.put(Integer.toString(priority), n));
    return named;
  }
}
