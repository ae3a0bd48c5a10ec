package dev.sluice.it;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Tag;

/**
 * The order of the test classes (junit-platform.properties): the black-box classes first, one after
 * another, so they share one deployment of the WAR ({@link SharedDeployment}); then the classes
 * that deploy tests into the server, which share one deployment of their own; the bad-input corpus
 * last, since it leaves the chats and batches it was allowed to start still running. By name within
 * each group, so a run's order is the same on every machine.
 */
public class DeploymentSharingOrder implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context
        .getClassDescriptors()
        .sort(
            Comparator.comparingInt(DeploymentSharingOrder::group)
                .thenComparing(d -> d.getTestClass().getName()));
  }

  private static int group(ClassDescriptor descriptor) {
    Class<?> test = descriptor.getTestClass();
    if (test.getSimpleName().equals("BadInputCorpusIT")) {
      return 2;
    }
    boolean blackBox =
        descriptor.findRepeatableAnnotations(Tag.class).stream()
            .anyMatch(t -> t.value().equals("black-box"));
    return blackBox ? 0 : 1;
  }
}
