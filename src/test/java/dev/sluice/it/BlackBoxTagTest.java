package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The WildFly pass ({@code -Pwildfly}) runs the integration tests tagged {@code black-box}: those
 * that talk to the server from outside ({@code @Deployment(testable = false)}). A test that runs
 * inside Liberty cannot run there, and one from outside that forgot the tag would silently be
 * skipped on WildFly; this keeps the tag and the deployment kind in step.
 */
class BlackBoxTagTest {

  @Test
  void everyIntegrationTestFromOutsideIsTaggedBlackBoxAndNoOtherIs() throws Exception {
    List<String> mismatched = new ArrayList<>();
    List<Class<?>> tests = integrationTests();
    for (Class<?> test : tests) {
      boolean fromOutside = deploysFromOutside(test);
      boolean tagged =
          Arrays.stream(test.getAnnotationsByType(Tag.class))
              .anyMatch(t -> t.value().equals("black-box"));
      if (fromOutside != tagged) {
        mismatched.add(test.getSimpleName() + (fromOutside ? " lacks the tag" : " is not outside"));
      }
    }
    assertThat(tests).hasSizeGreaterThan(20);
    assertThat(mismatched).isEmpty();
  }

  private static boolean deploysFromOutside(Class<?> test) {
    return Arrays.stream(test.getDeclaredMethods())
        .map(m -> m.getAnnotation(Deployment.class))
        .anyMatch(d -> d != null && !d.testable());
  }

  private static List<Class<?>> integrationTests() throws IOException, ClassNotFoundException {
    Path root =
        Path.of(
            BlackBoxTagTest.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<Class<?>> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("dev/sluice/it"))) {
      for (Path file : files.filter(f -> f.toString().endsWith("IT.class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
        tests.add(Class.forName(name, false, BlackBoxTagTest.class.getClassLoader()));
      }
    }
    return tests;
  }
}
