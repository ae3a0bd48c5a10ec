package dev.sluice;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * Imports point down (STYLE.md): {@code platform}, then {@code llm}, then {@code admission}, then
 * the features. Main classes only; tests may reach across layers.
 */
@AnalyzeClasses(packages = "dev.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule platformDependsOnNoOtherSluicePackage = layerDependsOnlyOn("platform");

  @ArchTest static final ArchRule llmDependsOnlyOnPlatform = layerDependsOnlyOn("llm", "platform");

  @ArchTest
  static final ArchRule admissionDependsOnlyOnLlmAndPlatform =
      layerDependsOnlyOn("admission", "llm", "platform");

  @ArchTest
  static final ArchRule topLevelSlicesAreFreeOfCycles =
      slices().matching("dev.sluice.(*)..").should().beFreeOfCycles();

  /**
   * No class in {@code layer} depends on a Sluice class outside {@code layer} and {@code below}.
   */
  private static ArchRule layerDependsOnlyOn(String layer, String... below) {
    String[] allowed =
        Arrays.stream(below).map(name -> "dev.sluice." + name + "..").toArray(String[]::new);
    String own = "dev.sluice." + layer + "..";
    String[] ownAndAllowed = Arrays.copyOf(allowed, allowed.length + 1);
    ownAndAllowed[allowed.length] = own;
    return noClasses()
        .that()
        .resideInAPackage(own)
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.sluice..").and(not(resideInAnyPackage(ownAndAllowed))))
        .because("imports point down: platform <- llm <- admission <- features");
  }
}
