package dev.sluice.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The schema is migrated before any other start-up observer runs: they read the tables or start
 * work that does, and CDI calls observers of the same priority in no set order.
 */
class SchemaMigrationFirstTest {

  /** CDI's priority for an observer that names none. */
  private static final int DEFAULT = Interceptor.Priority.APPLICATION + 500;

  @Test
  void theMigrationObservesTheApplicationsStartBeforeEveryOtherObserver() {
    Map<String, Integer> observers = new TreeMap<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sluice")) {
      for (Method method : type.reflect().getDeclaredMethods()) {
        for (Parameter parameter : method.getParameters()) {
          if (parameter.isAnnotationPresent(Observes.class)
              && parameter.isAnnotationPresent(Initialized.class)) {
            Priority priority = parameter.getAnnotation(Priority.class);
            observers.put(
                type.getSimpleName() + "." + method.getName(),
                priority == null ? DEFAULT : priority.value());
          }
        }
      }
    }
    int migration = observers.remove("SchemaMigration.migrate");

    assertThat(observers).as("the other start-up observers").hasSizeGreaterThan(5);
    assertThat(observers.values()).allSatisfy(p -> assertThat(p).isGreaterThan(migration));
  }
}
