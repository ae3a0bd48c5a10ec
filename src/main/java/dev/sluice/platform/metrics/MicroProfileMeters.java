package dev.sluice.platform.metrics;

import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Meters on MicroProfile Metrics (Open Liberty's {@code mpMetrics}). Loaded only where that API
 * exists: {@link MetersProducer} asks for it by name first.
 */
final class MicroProfileMeters implements Meters {

  private final MetricRegistry registry;

  /**
   * Counters and timers by name and labels, once looked up: the registry's lookup builds a metric
   * id and takes a lock to add the application's tag on every call, several times per question.
   */
  private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();

  private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();

  private record MeterKey(String name, List<Label> labels) {
    MeterKey(String name, Label... labels) {
      this(name, List.of(labels));
    }
  }

  private MicroProfileMeters(MetricRegistry registry) {
    this.registry = registry;
  }

  /**
   * The application registry of the server's MicroProfile Metrics. Looked up through an injected
   * {@code Instance}: Liberty's registry producer reads the injection point's annotations, which a
   * lookup through {@code CDI.current()} does not have.
   */
  static Optional<Meters> from(Instance<Object> beans) {
    Instance<MetricRegistry> registry = beans.select(MetricRegistry.class);
    return registry.isResolvable()
        ? Optional.of(new MicroProfileMeters(registry.get()))
        : Optional.empty();
  }

  @Override
  public void count(String name, long amount, Label... labels) {
    counters
        .computeIfAbsent(new MeterKey(name, labels), k -> registry.counter(name, tags(labels)))
        .inc(amount);
  }

  @Override
  public void time(String name, Duration duration, Label... labels) {
    timers
        .computeIfAbsent(new MeterKey(name, labels), k -> registry.timer(name, tags(labels)))
        .update(duration);
  }

  @Override
  public void gauge(
      String name, String description, Supplier<? extends Number> value, Label... labels) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        value,
        Supplier::get,
        tags(labels));
  }

  @Override
  public void removeGauge(String name, Label... labels) {
    registry.remove(new MetricID(name, tags(labels)));
  }

  private static Tag[] tags(Label... labels) {
    return Arrays.stream(labels).map(l -> new Tag(l.name(), l.value())).toArray(Tag[]::new);
  }
}
