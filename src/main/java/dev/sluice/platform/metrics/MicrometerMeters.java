package dev.sluice.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Meters on Micrometer, for WildFly: its {@code micrometer} subsystem gives deployments a {@link
 * MeterRegistry} and publishes it (Prometheus text on the management port, or OTLP). Loaded only
 * where that API exists.
 */
final class MicrometerMeters implements Meters {

  private final MeterRegistry registry;

  MicrometerMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The registry the server's Micrometer subsystem gives the deployment. */
  static Optional<Meters> from(Instance<Object> beans) {
    Instance<MeterRegistry> registry = beans.select(MeterRegistry.class);
    return registry.isResolvable()
        ? Optional.of(new MicrometerMeters(registry.get()))
        : Optional.empty();
  }

  @Override
  public void count(String name, long amount, Label... labels) {
    registry.counter(name, tags(labels)).increment(amount);
  }

  @Override
  public void time(String name, Duration duration, Label... labels) {
    registry.timer(name, tags(labels)).record(duration);
  }

  @Override
  public void gauge(
      String name, String description, Supplier<? extends Number> value, Label... labels) {
    Gauge.builder(name, value::get)
        .description(description)
        .tags(tags(labels))
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void removeGauge(String name, Label... labels) {
    Gauge gauge = registry.find(name).tags(tags(labels)).gauge();
    if (gauge != null) {
      registry.remove(gauge);
    }
  }

  /**
   * As the {@code Iterable<Tag>} every Micrometer 1.x has, not the newer {@code Tags} overloads.
   */
  private static Iterable<Tag> tags(Label... labels) {
    return Arrays.stream(labels).map(l -> Tag.of(l.name(), l.value())).toList();
  }
}
