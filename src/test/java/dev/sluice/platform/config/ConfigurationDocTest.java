package dev.sluice.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.service.AdmissionSettingsReader;
import dev.sluice.llm.config.ProviderDirectoryReader;
import dev.sluice.llm.simulated.SimulatorSettings;
import dev.sluice.platform.security.ConfiguredUsers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every configuration key Sluice reads is named in {@code docs/configuration.md}.
 *
 * <p>Keys come from {@code microprofile-config.properties}, {@code server.xml}'s variables, and the
 * Java sources: {@code @ConfigProperty} names, {@code sluice.*} literals passed to a configuration
 * read and {@code *KEY} constants. Keys built at run time from a prefix are found by running the
 * readers that build them on a configuration that records every key asked for, with placeholders
 * ({@code <name>}, {@code <lane>}, …) for the run-time part. A key counts as documented when the
 * page names it in backticks, or names a pattern in which each {@code <…>} stands for any text.
 */
class ConfigurationDocTest {

  private static final Path DOC = Path.of("docs/configuration.md");
  private static final Path PROPERTIES =
      Path.of("src/main/resources/META-INF/microprofile-config.properties");
  private static final Path SERVER_XML = Path.of("server.xml");
  private static final Path SOURCES = Path.of("src/main/java");

  /** A configuration read whose first argument is a literal {@code sluice.*} key. */
  private static final Pattern READ_LITERAL =
      Pattern.compile(
          "\\b(?:getValue|getOptionalValue|getValues|getOptionalValues|get|getInt|getLong"
              + "|getDouble|getBoolean|getDuration|getList)\\(\\s*\"(sluice\\.[A-Za-z0-9.-]*[A-Za-z0-9-])\"");

  /** The same with the key built from a prefix, a run-time part and an optional suffix. */
  private static final Pattern READ_CONCATENATED =
      Pattern.compile(
          "\\b(?:getValue|getOptionalValue|getValues|getOptionalValues|get|getInt|getLong"
              + "|getDouble|getBoolean|getDuration|getList)\\(\\s*\"(sluice\\.[A-Za-z0-9.-]*\\.)\""
              + "\\s*\\+\\s*[\\w.()]+(?:\\s*\\+\\s*\"(\\.[A-Za-z0-9.-]+)\")?");

  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\(\\s*(?:[^)]*?,\\s*)?name\\s*=\\s*\"([^\"]+)\"");

  private static final Pattern KEY_CONSTANT =
      Pattern.compile("static final String \\w*KEY\\s*=\\s*\"(sluice\\.[^\"]+)\"");

  /** A literal ending in a dot: the start of keys completed at run time. */
  private static final Pattern PREFIX_LITERAL = Pattern.compile("\"(sluice\\.[A-Za-z0-9.-]*\\.)\"");

  private static final Pattern SERVER_VARIABLE = Pattern.compile("<variable\\s+name=\"([^\"]+)\"");

  private static final Pattern BACKTICKED = Pattern.compile("`([^`\\s]+)`");

  @TempDir Path temp;

  @Test
  void everyKeyTheCodeReadsIsInTheConfigurationPage() throws IOException {
    Documented doc = Documented.of(Files.readString(DOC, StandardCharsets.UTF_8));
    Set<String> keys = new TreeSet<>();
    keys.addAll(propertiesKeys());
    keys.addAll(serverVariables());
    keys.addAll(sourceKeys());
    keys.addAll(keysReadByReaders());

    assertThat(keys).as("keys collected").hasSizeGreaterThan(100);
    assertThat(doc.missing(keys))
        .as("configuration keys read by Sluice but not named in %s", DOC)
        .isEmpty();
    assertThat(doc.prefixesMissing(prefixes()))
        .as("key prefixes in src/main/java that start no key named in %s", DOC)
        .isEmpty();
  }

  @Test
  void aKeyOrPrefixThePageDoesNotNameIsReported() {
    Documented doc =
        Documented.of(
            "| `sluice.chat.save-every` | … |\n"
                + "| `sluice.providers.<name>.type` | … |\n"
                + "`sluice.admission.lanes.<lane>.<key>` and the word `sluice` alone");

    assertThat(
            doc.missing(
                List.of(
                    "sluice.chat.save-every",
                    "sluice.chat.save-every-tokens",
                    "sluice.providers.openai.type",
                    "sluice.providers.<name>.type",
                    "sluice.providers.<name>.api-key",
                    "sluice.admission.lanes.<lane>.max-in-flight")))
        .containsExactly("sluice.chat.save-every-tokens", "sluice.providers.<name>.api-key");
    assertThat(doc.prefixesMissing(List.of("sluice.providers.", "sluice.model.")))
        .containsExactly("sluice.model.");
  }

  private static Set<String> propertiesKeys() throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties.stringPropertyNames();
  }

  private static Set<String> serverVariables() throws IOException {
    return matches(SERVER_VARIABLE, Files.readString(SERVER_XML, StandardCharsets.UTF_8), 1);
  }

  private static Set<String> sourceKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String source : sources()) {
      keys.addAll(matches(CONFIG_PROPERTY, source, 1));
      keys.addAll(matches(READ_LITERAL, source, 1));
      keys.addAll(matches(KEY_CONSTANT, source, 1));
      Matcher m = READ_CONCATENATED.matcher(source);
      while (m.find()) {
        // Without a suffix the literal is a family's prefix (prefixes()); the readers expand it.
        if (m.group(2) != null) {
          keys.add(m.group(1) + "<*>" + m.group(2));
        }
      }
    }
    return keys;
  }

  private static Set<String> prefixes() throws IOException {
    Set<String> prefixes = new TreeSet<>();
    for (String source : sources()) {
      prefixes.addAll(matches(PREFIX_LITERAL, source, 1));
    }
    return prefixes;
  }

  /** Runs each reader that builds keys from a prefix, recording the keys it asks for. */
  private Set<String> keysReadByReaders() {
    Recorder providers =
        new Recorder(
            Map.of(
                "sluice.providers", "<name>",
                "sluice.providers.<name>.type", "openai",
                "sluice.providers.<name>.api-key", "sk-recorded-0123456789",
                "sluice.providers.<name>.default-model", "gpt-4o-mini"),
            List.of("sluice.providers.<name>.headers.<Header>", "sluice.model.<id>.provider"));
    ProviderDirectoryReader.read(providers.view(), settings -> null);

    Recorder admission = new Recorder(Map.of(), List.of("sluice.admission.fallbacks.<model>"));
    AdmissionSettingsReader gate = new AdmissionSettingsReader(admission.view());
    gate.lane("<lane>");
    gate.retry();
    gate.breaker();
    gate.fallbacks();

    Recorder simulator = new Recorder(Map.of(), List.of());
    SimulatorSettings.from(
        (Function<String, Optional<String>>)
            key -> simulator.view().get(SimulatorSettings.CONFIG_PREFIX + key));

    Recorder users =
        new Recorder(
            Map.of(
                "sluice.users", "<name>",
                "sluice.users.<name>.password", "not-generated",
                "sluice.users.password-file", temp.resolve("passwords").toString()),
            List.of());
    ConfiguredUsers.read(users.view(), () -> "unused", notice -> {});

    // GenerationRecorder: one persist-text key per kind of call.
    Set<String> keys = new TreeSet<>();
    for (CallOrigin.Source source : CallOrigin.Source.values()) {
      keys.add("sluice.generations.persist-text." + source.name().toLowerCase(Locale.ROOT));
    }
    Stream.of(providers, admission, simulator, users).forEach(r -> keys.addAll(r.asked));
    return keys;
  }

  private static List<String> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<String> sources = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.add(Files.readString(file, StandardCharsets.UTF_8));
      }
      return sources;
    }
  }

  private static Set<String> matches(Pattern pattern, String text, int group) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }

  /** A configuration that answers from fixed values and remembers every key it was asked for. */
  private static final class Recorder {
    final Set<String> asked = new TreeSet<>();
    private final Map<String, String> values;
    private final List<String> names;

    Recorder(Map<String, String> values, List<String> names) {
      this.values = values;
      this.names = names;
    }

    ConfigView view() {
      return new ConfigView(
          key -> {
            asked.add(key);
            return Optional.ofNullable(values.get(key));
          },
          () -> names);
    }
  }

  /** The keys and key patterns a page names in backticks. */
  private record Documented(Set<String> exact, List<Pattern> patterns) {

    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]*>");

    static Documented of(String page) {
      Set<String> exact = new TreeSet<>();
      List<Pattern> patterns = new ArrayList<>();
      Matcher m = BACKTICKED.matcher(page);
      while (m.find()) {
        String token = m.group(1);
        if (!token.contains(".")) {
          continue;
        }
        exact.add(token);
        if (PLACEHOLDER.matcher(token).find()) {
          patterns.add(Pattern.compile(regexOf(token)));
        }
      }
      return new Documented(exact, patterns);
    }

    /** {@code sluice.providers.<name>.type} → {@code \Qsluice.providers.\E.+\Q.type\E}. */
    private static String regexOf(String token) {
      StringBuilder regex = new StringBuilder();
      Matcher p = PLACEHOLDER.matcher(token);
      int at = 0;
      while (p.find()) {
        regex.append(Pattern.quote(token.substring(at, p.start()))).append(".+");
        at = p.end();
      }
      return regex.append(Pattern.quote(token.substring(at))).toString();
    }

    List<String> missing(Collection<String> keys) {
      return keys.stream().filter(k -> !names(k)).sorted().toList();
    }

    List<String> prefixesMissing(Collection<String> prefixes) {
      return prefixes.stream()
          .filter(p -> exact.stream().noneMatch(t -> t.startsWith(p) && t.length() > p.length()))
          .sorted()
          .toList();
    }

    private boolean names(String key) {
      return exact.contains(key) || patterns.stream().anyMatch(p -> p.matcher(key).matches());
    }
  }
}
