package dev.sluice.queues;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The newest {@code limit} messages of an exception destination, newest first, from a browse of at
 * most {@code cap} messages: a queue browses in delivery order, not by age, so the newest can only
 * be picked from what was seen. Only the kept messages are read beyond their timestamp.
 */
final class NewestFailed {

  private static final Comparator<Message> OLDEST_FIRST =
      Comparator.comparingLong(NewestFailed::sentAt);

  private NewestFailed() {}

  static List<FailedJob> of(QueueBrowser browser, int limit, int cap) throws JMSException {
    PriorityQueue<Message> newest = new PriorityQueue<>(OLDEST_FIRST);
    Enumeration<?> messages = browser.getEnumeration();
    for (int seen = 0; seen < Math.max(1, cap) && messages.hasMoreElements(); seen++) {
      newest.add((Message) messages.nextElement());
      if (newest.size() > limit) {
        newest.poll();
      }
    }
    List<FailedJob> jobs = new ArrayList<>(newest.size());
    while (!newest.isEmpty()) {
      jobs.add(0, FailedJob.of(newest.poll()));
    }
    return jobs;
  }

  private static long sentAt(Message message) {
    try {
      return message.getJMSTimestamp();
    } catch (JMSException e) {
      return 0; // no time to order by: counts as oldest
    }
  }
}
