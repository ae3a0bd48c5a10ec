package dev.sluice.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Meters on Micrometer, for WildFly: its {@code micrometer} subsystem gives deployments a {@link
 * MeterRegistry} and publishes it (Prometheus text on the management port, or OTLP). Loaded only
 * where that API exists.
 */
final class MicrometerMeters implements Meters {

  private final MeterRegistry registry;

  /**
   * The gauges this deployment registered, with their values held strongly: the registry holds them
   * weakly.
   */
  private final Map<String, Registered> gauges = new ConcurrentHashMap<>();

  private record Registered(String name, Iterable<Tag> tags, Supplier<? extends Number> value) {}

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

  /**
   * Through {@code MeterRegistry.gauge(name, tags, obj, f)}, not {@code Gauge.builder}: WildFly's
   * per-deployment registry forwards only the named-method calls to the registry it publishes (a
   * builder's gauge stays in the deployment's own, unpublished one). That call holds the value
   * weakly, so this class keeps it. The description is WildFly's to drop.
   */
  @Override
  public void gauge(
      String name, String description, Supplier<? extends Number> value, Label... labels) {
    Registered gauge = new Registered(name, tags(labels), value);
    if (gauges.putIfAbsent(key(name, labels), gauge) == null) {
      registry.gauge(name, gauge.tags(), value, v -> v.get().doubleValue());
    }
  }

  @Override
  public void removeGauge(String name, Label... labels) {
    gauges.remove(key(name, labels));
    unregister(name, tags(labels));
  }

  /**
   * WildFly's registry belongs to the server, not the deployment: on undeploy it keeps the gauges,
   * and on the next deployment of the same name {@code gauge(...)} finds the old one and keeps it
   * (seen as every Sluice gauge reading NaN after a redeploy, once the old values were collected).
   */
  @Override
  public void close() {
    gauges.values().forEach(g -> unregister(g.name(), g.tags()));
    gauges.clear();
  }

  private void unregister(String name, Iterable<Tag> tags) {
    Gauge gauge = registry.find(name).tags(tags).gauge();
    if (gauge != null) {
      registry.remove(gauge);
    }
  }

  private static String key(String name, Label... labels) {
    return name + Arrays.toString(labels);
  }

  /**
   * As the {@code Iterable<Tag>} every Micrometer 1.x has, not the newer {@code Tags} overloads.
   */
  private static Iterable<Tag> tags(Label... labels) {
    return Arrays.stream(labels).map(l -> Tag.of(l.name(), l.value())).toList();
  }
}
