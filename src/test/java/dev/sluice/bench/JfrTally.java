package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Tallies a JFR recording's execution samples by where they were, as the profile tables of {@code
 * docs/benchmarks-chats.md} split a server's CPU: a sample counts for a category when any frame of
 * its stack starts with one of the category's prefixes (a package, a class, or {@code
 * Class.method}), so a sample may count for several; shares are of all the samples kept. Also the
 * methods most often on top of the stack. A JVM records 64 frames of a stack unless started with
 * {@code -XX:FlightRecorderOptions:stackdepth=N}; outer frames of deeper stacks are missing, so the
 * tally says how many stacks were cut. {@code --within=PREFIX[,PREFIX...]} keeps only the samples
 * with such a frame, to split one part's time (say, the message-driven bean's) further. {@code
 * --self} counts each sample once instead, for the part that was running (see {@link #tallySelf}),
 * so the shares add up to the whole; {@code --libraries} adds a category per library of the
 * server's stack ({@link #LIBRARIES}).
 *
 * <pre>
 *   bin/jfr-tally FILE.jfr [--threads=PREFIX] [--within=PREFIX,...] [--self] [--libraries] [--top=N]
 *                 [NAME=PREFIX,... ...]
 * </pre>
 */
public final class JfrTally {

  private static final String SAMPLE = "jdk.ExecutionSample";

  /**
   * One category per library of the server's stack ({@code --libraries}), the most specific first:
   * with {@code --self}, which library was running. A Sluice server on Liberty.
   */
  static final List<Category> LIBRARIES =
      Stream.of(
              "H2=org.h2.",
              "PostgreSQL driver=org.postgresql.",
              "JDBC and connection pool=com.ibm.ws.rsadapter.,com.ibm.ws.jdbc.,com.ibm.ejs.j2c.,"
                  + "com.ibm.ws.connectionpool.",
              "transactions=com.ibm.tx.,com.ibm.ws.tx.,com.ibm.ws.Transaction.",
              "messaging engine=com.ibm.ws.sib.,com.ibm.ws.messaging.",
              "security=com.ibm.ws.security.,com.ibm.ws.webcontainer.security.",
              "web container=com.ibm.ws.webcontainer.,com.ibm.wsspi.webcontainer.",
              "HTTP channel=com.ibm.ws.http.,com.ibm.ws.tcpchannel.,com.ibm.ws.channelfw.,"
                  + "com.ibm.wsspi.http.",
              "WebSocket=com.ibm.ws.wsoc.",
              "RESTEasy=org.jboss.resteasy.,io.openliberty.restfulWS.",
              "CDI=org.jboss.weld.,com.ibm.ws.cdi.",
              "executors and thread context=com.ibm.ws.context.,com.ibm.ws.concurrent.,"
                  + "com.ibm.ws.threading.",
              "JSON=org.eclipse.yasson.,org.eclipse.parsson.",
              "metrics=io.smallrye.metrics.,io.micrometer.,io.openliberty.microprofile.metrics.,"
                  + "com.ibm.ws.microprofile.metrics.",
              "EclipseLink=org.eclipse.persistence.",
              "JDK HTTP client=jdk.internal.net.http.,java.net.http.",
              "Sluice=dev.sluice.",
              "other Liberty=com.ibm.,io.openliberty.")
          .map(Category::parse)
          .toList();

  /** The samples {@link #tallySelf} finds no category for. */
  static final String UNMATCHED = "(no category)";

  /** A named set of frame prefixes. */
  record Category(String name, List<String> prefixes) {

    /** {@code NAME=PREFIX[,PREFIX...]}. */
    static Category parse(String argument) {
      int eq = argument.indexOf('=');
      List<String> prefixes =
          eq <= 0
              ? List.of()
              : Arrays.stream(argument.substring(eq + 1).split(","))
                  .map(String::strip)
                  .filter(p -> !p.isEmpty())
                  .toList();
      // A category without a prefix would match nothing, silently.
      if (prefixes.isEmpty()) {
        throw new IllegalArgumentException(
            "a category is NAME=PREFIX[,PREFIX...], not '" + argument + "'");
      }
      return new Category(argument.substring(0, eq), prefixes);
    }

    /** The stacks this category matches. */
    List<Stack> keep(List<Stack> stacks) {
      return stacks.stream().filter(s -> matches(s.frames())).toList();
    }

    boolean matches(List<String> frames) {
      return frames.stream().anyMatch(this::matchesFrame);
    }

    boolean matchesFrame(String frame) {
      return prefixes.stream().anyMatch(frame::startsWith);
    }
  }

  /** One sample's stack, innermost frame first, each frame as {@code Class.method}. */
  record Stack(List<String> frames, boolean truncated) {}

  /** Samples per category, in the categories' order. */
  static Map<String, Integer> tally(List<Stack> stacks, List<Category> categories) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Category category : categories) {
      counts.put(category.name(), category.keep(stacks).size());
    }
    return counts;
  }

  /**
   * Samples per category, each sample once: for the category of its innermost frame that a category
   * names (the first such category when several do). A frame no category names, the JDK's
   * collections say, is charged to the nearest caller one does, so with one category per library
   * this says which library was running. Samples no frame of which is named count as {@link
   * #UNMATCHED}, last.
   */
  static Map<String, Integer> tallySelf(List<Stack> stacks, List<Category> categories) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    categories.forEach(category -> counts.put(category.name(), 0));
    counts.put(UNMATCHED, 0);
    for (Stack stack : stacks) {
      counts.merge(owner(stack, categories), 1, Integer::sum);
    }
    return counts;
  }

  private static String owner(Stack stack, List<Category> categories) {
    for (String frame : stack.frames()) {
      for (Category category : categories) {
        if (category.matchesFrame(frame)) {
          return category.name();
        }
      }
    }
    return UNMATCHED;
  }

  /** The {@code n} methods most often innermost, most first (ties by name). */
  static List<Map.Entry<String, Integer>> topFrames(List<Stack> stacks, int n) {
    Map<String, Integer> self = new HashMap<>();
    for (Stack stack : stacks) {
      if (!stack.frames().isEmpty()) {
        self.merge(stack.frames().get(0), 1, Integer::sum);
      }
    }
    return self.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .toList();
  }

  /** The execution samples of threads whose name starts with {@code threadPrefix} ("" for all). */
  static List<Stack> read(Path recording, String threadPrefix) throws IOException {
    List<Stack> stacks = new ArrayList<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!SAMPLE.equals(event.getEventType().getName())) {
        continue;
      }
      RecordedThread thread = event.getThread("sampledThread");
      String name = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
      RecordedStackTrace trace = event.getStackTrace();
      if (trace == null || !name.startsWith(threadPrefix)) {
        continue;
      }
      List<String> frames = new ArrayList<>(trace.getFrames().size());
      for (RecordedFrame frame : trace.getFrames()) {
        frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
      }
      stacks.add(new Stack(frames, trace.isTruncated()));
    }
    return stacks;
  }

  static String report(List<Stack> stacks, List<Category> categories, boolean self, int top) {
    StringBuilder out = new StringBuilder();
    long cut = stacks.stream().filter(Stack::truncated).count();
    out.append(
        String.format(
            Locale.ROOT,
            "%d execution samples, %d of them with stacks cut short%n%n",
            stacks.size(),
            cut));
    if (!categories.isEmpty()) {
      out.append(
          self
              ? "| share of samples | running (innermost named frame) |\n|---|---|\n"
              : "| share of samples | category |\n|---|---|\n");
      (self ? tallySelf(stacks, categories) : tally(stacks, categories))
          .forEach((name, count) -> out.append(row(count, stacks.size(), name)));
      out.append('\n');
    }
    out.append("| share of samples | innermost method |\n|---|---|\n");
    for (Map.Entry<String, Integer> frame : topFrames(stacks, top)) {
      out.append(row(frame.getValue(), stacks.size(), "`" + frame.getKey() + "`"));
    }
    return out.toString();
  }

  private static String row(int count, int total, String what) {
    double share = total == 0 ? 0 : 100.0 * count / total;
    return String.format(Locale.ROOT, "| %.1f %% (%d) | %s |%n", share, count, what);
  }

  public static void main(String[] args) throws IOException {
    Path recording = null;
    String threads = "";
    Category within = null;
    int top = 20;
    boolean self = false;
    List<Category> categories = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--threads=")) {
        threads = arg.substring("--threads=".length());
      } else if (arg.startsWith("--within=")) {
        within = Category.parse("within=" + arg.substring("--within=".length()));
      } else if (arg.equals("--libraries")) {
        categories.addAll(LIBRARIES);
      } else if (arg.equals("--self")) {
        self = true;
      } else if (arg.startsWith("--top=")) {
        top = Integer.parseInt(arg.substring("--top=".length()));
      } else if (recording == null && !arg.contains("=")) {
        recording = Path.of(arg);
      } else {
        categories.add(Category.parse(arg));
      }
    }
    if (recording == null) {
      System.err.println(
          "usage: bin/jfr-tally FILE.jfr [--threads=PREFIX] [--within=PREFIX,...] [--self]"
              + " [--libraries] [--top=N]"
              + " [NAME=PREFIX[,PREFIX...] ...]");
      System.exit(2);
    }
    List<Stack> stacks = read(recording, threads);
    System.out.print(report(within == null ? stacks : within.keep(stacks), categories, self, top));
  }

  private JfrTally() {}
}
