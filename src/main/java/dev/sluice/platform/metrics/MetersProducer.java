package dev.sluice.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Chooses the {@link Meters} of the server the WAR runs on: MicroProfile Metrics where it exists
 * and resolvable (Open Liberty), else Micrometer (WildFly's subsystem), else none, said once in the
 * log. The check is by class name first, so no class that names a missing API is ever loaded.
 */
@ApplicationScoped
public class MetersProducer {

  private static final Logger LOG = Logger.getLogger(MetersProducer.class.getName());

  static final String MICROPROFILE = "org.eclipse.microprofile.metrics.MetricRegistry";
  static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

  /**
   * The default beans, to look a registry up by a type that may not exist on this server. Not
   * {@code @Any}: MicroProfile Metrics has a registry per scope, and only the application's is the
   * default.
   */
  @Inject Instance<Object> beans;

  @Produces
  @ApplicationScoped
  Meters meters() {
    Optional<Meters> chosen =
        present(MICROPROFILE) ? MicroProfileMeters.from(beans) : Optional.empty();
    if (chosen.isEmpty() && present(MICROMETER)) {
      chosen = MicrometerMeters.from(beans);
    }
    if (chosen.isPresent()) {
      LOG.info("metrics published through " + chosen.get().getClass().getSimpleName());
      return chosen.get();
    }
    LOG.warning(
        "neither MicroProfile Metrics nor Micrometer is available: Sluice's metrics are not"
            + " published (enable mpMetrics on Liberty, the micrometer subsystem on WildFly)");
    return new NoMeters();
  }

  /** At the application's end: see {@link Meters#close()}. */
  void close(@Disposes Meters meters) {
    meters.close();
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, MetersProducer.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Measures nothing, where the server publishes no metrics. */
  static final class NoMeters implements Meters {
    @Override
    public void count(String name, long amount, Label... labels) {}

    @Override
    public void time(String name, Duration duration, Label... labels) {}

    @Override
    public void gauge(
        String name, String description, Supplier<? extends Number> value, Label... labels) {}

    @Override
    public void removeGauge(String name, Label... labels) {}
  }
}
