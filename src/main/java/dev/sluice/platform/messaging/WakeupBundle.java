package dev.sluice.platform.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One wake-up message for several jobs of one kind and one JMS priority: the body is their work
 * ids, one per line. Under load the messaging engine's cost is per message (the send, the store,
 * the delivery to a message-driven bean and its container), so the wake-ups gathered in one drain
 * travel as a few bundles instead of a message each; a quiet server still sends one job a message,
 * whose body is that job's id alone, as before bundles.
 *
 * @param kind the jobs' kind, whose queue the bundle goes to
 * @param jmsPriority the jobs' JMS priority, which the bundle carries
 * @param workIds the jobs, in the order they were woken
 * @param triedBefore for a job woken alone after failing in a bundle, the tries it has had; else 0
 */
public record WakeupBundle(JobKind kind, int jmsPriority, List<String> workIds, int triedBefore) {

  /**
   * At most this many jobs a message: a bundle is one delivery on one server, run one job after
   * another on one message-driven bean's thread, so a large one would take work from the other
   * consumers (and servers) that could start it sooner.
   */
  public static final int MAX_JOBS = 16;

  private static final String SEPARATOR = "\n";

  public WakeupBundle {
    workIds = List.copyOf(workIds);
  }

  public WakeupBundle(JobKind kind, int jmsPriority, List<String> workIds) {
    this(kind, jmsPriority, workIds, 0);
  }

  /** The message's body: the work ids, one per line. */
  public String body() {
    return String.join(SEPARATOR, workIds);
  }

  /**
   * The work ids a wake-up message names: its lines, without blank ones. A body of one id, the
   * message of a quiet server (and of every message sent before bundles), names that id.
   */
  public static List<String> workIds(String body) {
    if (body == null) {
      return List.of();
    }
    if (!body.contains(SEPARATOR)) {
      return body.isBlank() ? List.of() : List.of(body);
    }
    return Arrays.stream(body.split(SEPARATOR)).filter(id -> !id.isBlank()).toList();
  }

  /**
   * Groups {@code wakeups} by kind and priority, in the order each group was first woken, at most
   * {@link #MAX_JOBS} a bundle; a wake-up that must travel alone (a job that failed inside a
   * bundle) is a bundle of its own.
   */
  static List<WakeupBundle> of(List<JobWakeup> wakeups) {
    List<WakeupBundle> bundles = new ArrayList<>();
    Map<Group, List<String>> open = new LinkedHashMap<>();
    for (JobWakeup wakeup : wakeups) {
      if (wakeup.alone()) {
        bundles.add(
            new WakeupBundle(
                wakeup.kind(),
                wakeup.jmsPriority(),
                List.of(wakeup.workId()),
                wakeup.triedBefore()));
        continue;
      }
      Group group = new Group(wakeup.kind(), wakeup.jmsPriority());
      List<String> ids = open.computeIfAbsent(group, g -> new ArrayList<>());
      ids.add(wakeup.workId());
      if (ids.size() == MAX_JOBS) {
        bundles.add(new WakeupBundle(group.kind(), group.jmsPriority(), ids));
        open.remove(group);
      }
    }
    open.forEach(
        (group, ids) -> bundles.add(new WakeupBundle(group.kind(), group.jmsPriority(), ids)));
    return bundles;
  }

  private record Group(JobKind kind, int jmsPriority) {}
}
