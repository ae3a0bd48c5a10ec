package dev.sluice;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Imports point down (STYLE.md): {@code platform}, then {@code llm}, then {@code admission}, then
 * the features; and a feature reaches another only through what it publishes. Main classes only;
 * tests may reach across layers.
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

  /** The layers under the features; every other top-level package must be listed in FEATURES. */
  private static final Set<String> LAYERS = Set.of("platform", "llm", "admission");

  /**
   * The features. A feature publishes the types of its root package and of its {@code events}
   * package (its ports: stores, services, records, events); its other sub-packages (REST, sockets,
   * JMS, admin, webhooks) are its own. {@code documents} holds several features that build on one
   * another: extraction and analysis are used by batches and upload runs, which are batch runs of
   * kind UPLOAD kept in the same tables.
   */
  private static final List<String> FEATURES =
      List.of(
          "chat",
          "console",
          "generations",
          "queues",
          "documents",
          "documents.extract",
          "documents.analysis",
          "documents.batch",
          "documents.jobs");

  @ArchTest
  static final ArchRule everyTopLevelPackageIsALayerOrAFeature =
      ArchRuleDefinition.classes()
          .that()
          .resideInAPackage("dev.sluice.(*)..")
          .and()
          .resideOutsideOfPackage("dev.sluice")
          .should(
              new ArchCondition<>("be in a layer or a listed feature") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                  String top = relative(item.getPackageName()).split("\\.")[0];
                  if (!LAYERS.contains(top) && featureOf(item).isEmpty()) {
                    events.add(
                        SimpleConditionEvent.violated(
                            item, item.getName() + " is in no layer and no listed feature"));
                  }
                }
              });

  @ArchTest
  static final ArchRule featuresUseOnlyWhatOtherFeaturesPublish =
      ArchRuleDefinition.classes()
          .that()
          .resideInAPackage("dev.sluice..")
          .should(
              new ArchCondition<>("use other features only through their root or events package") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                  Optional<String> own = featureOf(item);
                  if (own.isEmpty()) {
                    return;
                  }
                  for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    Optional<String> theirs = featureOf(target);
                    if (theirs.isEmpty() || theirs.equals(own)) {
                      continue;
                    }
                    String pkg = relative(target.getPackageName());
                    if (!pkg.equals(theirs.get()) && !pkg.equals(theirs.get() + ".events")) {
                      events.add(
                          SimpleConditionEvent.violated(
                              d, d.getDescription() + ": an internal of " + theirs.get()));
                    }
                  }
                }
              })
          .because("features use each other's published ports and events, not their internals");

  /** The longest listed feature that holds the class's package. */
  private static Optional<String> featureOf(JavaClass type) {
    if (!type.getPackageName().startsWith("dev.sluice.")) {
      return Optional.empty();
    }
    String pkg = relative(type.getPackageName());
    return FEATURES.stream()
        .filter(f -> pkg.equals(f) || pkg.startsWith(f + "."))
        .max(Comparator.comparingInt(String::length));
  }

  private static String relative(String packageName) {
    return packageName.substring("dev.sluice.".length());
  }

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
