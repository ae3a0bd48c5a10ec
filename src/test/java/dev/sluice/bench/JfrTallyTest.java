package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrTallyTest {

  private static JfrTally.Stack stack(String... frames) {
    return new JfrTally.Stack(List.of(frames), false);
  }

  private final List<JfrTally.Stack> stacks =
      List.of(
          stack("org.h2.mvstore.MVStore.store", "dev.sluice.chat.AnswerWriteBatch.apply"),
          stack("org.h2.command.Command.executeUpdate", "dev.sluice.chat.AskWrite.apply"),
          stack("java.lang.String.hashCode", "dev.sluice.chat.rest.MessageResource.ask"),
          stack("sun.nio.ch.EPoll.wait"));

  @Test
  void aSampleCountsForEveryCategoryOneOfItsFramesStartsWith() {
    Map<String, Integer> tally =
        JfrTally.tally(
            stacks,
            List.of(
                JfrTally.Category.parse("H2=org.h2."),
                JfrTally.Category.parse(
                    "writes=dev.sluice.chat.AnswerWriteBatch,dev.sluice.chat.AskWrite"),
                JfrTally.Category.parse("POST=dev.sluice.chat.rest.MessageResource.ask"),
                JfrTally.Category.parse("EclipseLink=org.eclipse.persistence.")));

    assertThat(tally)
        .containsExactly(
            Map.entry("H2", 2),
            Map.entry("writes", 2),
            Map.entry("POST", 1),
            Map.entry("EclipseLink", 0));
  }

  @Test
  void withinKeepsOnlyTheSamplesOfOnePart() {
    List<JfrTally.Stack> writes =
        JfrTally.Category.parse("within=dev.sluice.chat.AnswerWriteBatch,dev.sluice.chat.AskWrite")
            .keep(stacks);

    assertThat(writes).containsExactly(stacks.get(0), stacks.get(1));
    assertThat(JfrTally.tally(writes, List.of(JfrTally.Category.parse("commit=org.h2.mvstore."))))
        .containsExactly(Map.entry("commit", 1));
  }

  @Test
  void selfCountsEachSampleOnceForItsInnermostNamedFrame() {
    List<JfrTally.Category> libraries =
        List.of(
            JfrTally.Category.parse("Sluice=dev.sluice."),
            JfrTally.Category.parse("H2=org.h2."),
            JfrTally.Category.parse("the POST=dev.sluice.chat.rest."));

    Map<String, Integer> self = JfrTally.tallySelf(stacks, libraries);

    // H2's two samples are H2's although Sluice called it; the JDK's String.hashCode is charged
    // to its caller, for which Sluice comes before "the POST"; the epoll wait names nothing.
    assertThat(self)
        .containsExactly(
            Map.entry("Sluice", 1),
            Map.entry("H2", 2),
            Map.entry("the POST", 0),
            Map.entry(JfrTally.UNMATCHED, 1));
    assertThat(self.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(stacks.size());
  }

  @Test
  void theLibrariesNameLibertysPartsBeforeTheRestOfLiberty() {
    List<JfrTally.Stack> liberty =
        List.of(
            stack("java.util.HashMap.get", "com.ibm.ws.wsoc.WsocConnLink.write"),
            stack("com.ibm.ws.kernel.Something.run"),
            stack("jdk.internal.net.http.Http1Response.readBody", "dev.sluice.llm.X.y"));

    assertThat(JfrTally.tallySelf(liberty, JfrTally.LIBRARIES))
        .containsEntry("WebSocket", 1)
        .containsEntry("other Liberty", 1)
        .containsEntry("JDK HTTP client", 1)
        .containsEntry("Sluice", 0);
  }

  @Test
  void theSelfReportSaysItCountsWhatRan() {
    String report =
        JfrTally.report(stacks, List.of(JfrTally.Category.parse("H2=org.h2.")), true, 1);

    assertThat(report)
        .contains("running (innermost named frame)")
        .contains("| 50.0 % (2) | H2 |")
        .contains("| 50.0 % (2) | " + JfrTally.UNMATCHED + " |");
  }

  @Test
  void theTopFramesAreTheInnermostMethodsMostOftenSampled() {
    List<JfrTally.Stack> more =
        List.of(stack("a.B.c", "x.Y.z"), stack("a.B.c"), stack("d.E.f", "a.B.c"), stack("g.H.i"));

    assertThat(JfrTally.topFrames(more, 2))
        .containsExactly(Map.entry("a.B.c", 2), Map.entry("d.E.f", 1));
  }

  @Test
  void aCategoryNeedsANameAndAPrefix() {
    assertThatThrownBy(() -> JfrTally.Category.parse("H2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAME=PREFIX");
    assertThatThrownBy(() -> JfrTally.Category.parse("H2= , "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JfrTally.Category.parse("=org.h2."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(JfrTally.Category.parse("H2= org.h2. , org.h2mem.").prefixes())
        .containsExactly("org.h2.", "org.h2mem.");
  }

  @Test
  void aRecordingOfThisJvmShowsTheMethodThatBurnedItsTime(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("busy.jfr");
    List<JfrTally.Stack> read = List.of();
    // A busy machine may leave this thread or the sampler off the CPU for a whole recording, so
    // the burn is measured in this thread's CPU time, and a recording that caught nothing is
    // taken again (a CI run once saw none in 500 ms of wall time).
    for (int attempt = 0; attempt < 5 && read.isEmpty(); attempt++) {
      recordBurning(file, Duration.ofMillis(500));
      read = JfrTally.read(file, Thread.currentThread().getName());
    }
    String report =
        JfrTally.report(
            read, List.of(JfrTally.Category.parse("burner=" + Burner.class.getName())), false, 5);

    assertThat(read).isNotEmpty();
    assertThat(
            JfrTally.tally(
                read, List.of(JfrTally.Category.parse("burner=" + Burner.class.getName()))))
        .hasEntrySatisfying("burner", n -> assertThat(n).isPositive());
    assertThat(report).contains("execution samples").contains("| burner |");
    assertThat(Files.size(file)).isPositive();
  }

  /** Burns at least {@code cpu} of this thread's CPU time, 100 sampling periods and more. */
  private static void recordBurning(Path file, Duration cpu) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
      recording.start();
      long sum = 0;
      long end = threads.getCurrentThreadCpuTime() + cpu.toNanos();
      while (threads.getCurrentThreadCpuTime() < end) {
        sum += Burner.burn(10_000);
      }
      recording.stop();
      recording.dump(file);
      assertThat(sum).isNotZero();
    }
  }

  /** A method of its own, so the samples it takes are easy to name. */
  static final class Burner {
    static long burn(int rounds) {
      long x = 1;
      for (int i = 0; i < rounds; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
      return x | 1;
    }
  }
}
