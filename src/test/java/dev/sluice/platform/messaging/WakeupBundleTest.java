package dev.sluice.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WakeupBundleTest {

  private final JobKind chats = new NamedKind("chat");
  private final JobKind documents = new NamedKind("document");

  @Test
  void oneJobTravelsAsItsIdAlone() {
    List<WakeupBundle> bundles = WakeupBundle.of(List.of(new JobWakeup(chats, "a1", 4)));

    assertThat(bundles).singleElement().extracting(WakeupBundle::body).isEqualTo("a1");
  }

  @Test
  void jobsOfOneKindAndPriorityShareAMessageInTheOrderTheyWereWoken() {
    List<WakeupBundle> bundles =
        WakeupBundle.of(
            List.of(
                new JobWakeup(chats, "a1", 4),
                new JobWakeup(chats, "u1", 9),
                new JobWakeup(documents, "d1", 4),
                new JobWakeup(chats, "a2", 4),
                new JobWakeup(chats, "u2", 9)));

    assertThat(bundles)
        .extracting(b -> b.kind().name() + "@" + b.jmsPriority() + ":" + b.workIds())
        .containsExactly("chat@4:[a1, a2]", "chat@9:[u1, u2]", "document@4:[d1]");
  }

  @Test
  void aBundleHoldsAtMostItsLimit() {
    List<JobWakeup> many = new ArrayList<>();
    IntStream.range(0, 2 * WakeupBundle.MAX_JOBS + 1)
        .forEach(i -> many.add(new JobWakeup(chats, "a" + i, 4)));

    List<WakeupBundle> bundles = WakeupBundle.of(many);

    assertThat(bundles)
        .extracting(b -> b.workIds().size())
        .containsExactly(WakeupBundle.MAX_JOBS, WakeupBundle.MAX_JOBS, 1);
    assertThat(bundles.get(0).workIds()).startsWith("a0", "a1");
    assertThat(bundles.get(2).workIds()).containsExactly("a" + 2 * WakeupBundle.MAX_JOBS);
  }

  @Test
  void aJobWokenAloneIsNeverBundled() {
    List<WakeupBundle> bundles =
        WakeupBundle.of(
            List.of(
                new JobWakeup(chats, "a1", 4),
                new JobWakeup(chats, "again", 4, 1),
                new JobWakeup(chats, "a2", 4)));

    assertThat(bundles)
        .extracting(WakeupBundle::workIds)
        .containsExactly(List.of("again"), List.of("a1", "a2"));
    assertThat(bundles).extracting(WakeupBundle::triedBefore).containsExactly(1, 0);
  }

  @Test
  void aBodyNamesItsLinesAndABodyOfOneIdNamesThatId() {
    assertThat(WakeupBundle.workIds("a1\na2\n\na3\n")).containsExactly("a1", "a2", "a3");
    assertThat(WakeupBundle.workIds("a1")).containsExactly("a1");
    assertThat(WakeupBundle.workIds("  ")).isEmpty();
    assertThat(WakeupBundle.workIds(null)).isEmpty();
    assertThat(WakeupBundle.workIds(new WakeupBundle(chats, 4, List.of("x", "y")).body()))
        .containsExactly("x", "y");
  }
}
