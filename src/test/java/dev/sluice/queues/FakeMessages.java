package dev.sluice.queues;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** JMS messages and a queue browser over them, answering only what the queue console reads. */
final class FakeMessages {

  private FakeMessages() {}

  static TextMessage text(String id, String body, int priority, long sentAt, Integer deliveries) {
    return message(TextMessage.class, id, body, priority, sentAt, deliveries);
  }

  static BytesMessage bytes(String id, int priority, long sentAt) {
    return message(BytesMessage.class, id, null, priority, sentAt, null);
  }

  static Message withPriority(int priority) {
    return text("ID:" + priority, "job", priority, 1, null);
  }

  /** A browser over {@code messages}, in that order. */
  static QueueBrowser browser(List<? extends Message> messages) {
    return (QueueBrowser)
        Proxy.newProxyInstance(
            FakeMessages.class.getClassLoader(),
            new Class<?>[] {QueueBrowser.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getEnumeration" -> Collections.enumeration(messages);
                  case "close" -> null;
                  case "getQueue" -> (Queue) null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static <T extends Message> T message(
      Class<T> type, String id, String body, int priority, long sentAt, Integer deliveries) {
    Map<String, Object> answers =
        new java.util.HashMap<>(
            Map.of("getJMSMessageID", id, "getJMSPriority", priority, "getJMSTimestamp", sentAt));
    if (body != null) {
      answers.put("getText", body);
    }
    return type.cast(
        Proxy.newProxyInstance(
            FakeMessages.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "propertyExists" ->
                      deliveries != null && "JMSXDeliveryCount".equals(args[0]);
                  case "getIntProperty" -> {
                    if (deliveries == null || !"JMSXDeliveryCount".equals(args[0])) {
                      throw new JMSException("no property " + args[0]);
                    }
                    yield deliveries;
                  }
                  case "toString" -> type.getSimpleName() + " " + id;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> {
                    if (!answers.containsKey(method.getName())) {
                      throw new UnsupportedOperationException(method.getName());
                    }
                    yield answers.get(method.getName());
                  }
                }));
  }
}
