package dev.sluice.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.annotation.WebFilter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every servlet filter lets a request go asynchronous: one that does not makes the container refuse
 * any resource behind it that answers from another thread (a question's POST is answered after its
 * shared commit), with a 500.
 */
class AsyncFiltersTest {

  @Test
  void everyFilterSupportsAsynchronousRequests() {
    Map<String, Boolean> filters = new TreeMap<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sluice")) {
      if (type.isAnnotatedWith(WebFilter.class)) {
        filters.put(
            type.getSimpleName(), type.reflect().getAnnotation(WebFilter.class).asyncSupported());
      }
    }

    assertThat(filters).as("the filters").hasSizeGreaterThanOrEqualTo(6);
    assertThat(filters).allSatisfy((name, async) -> assertThat(async).as(name).isTrue());
  }
}
