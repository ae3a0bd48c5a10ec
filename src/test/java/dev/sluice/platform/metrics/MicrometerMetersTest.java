package dev.sluice.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The WildFly side of the metrics port, on Micrometer's in-memory registry. */
class MicrometerMetersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Meters meters = new MicrometerMeters(registry);

  @Test
  void countsAddUpPerNameAndLabels() {
    meters.count("sluice.chat.jobs", 1, Label.of("outcome", "completed"));
    meters.count("sluice.chat.jobs", 2, Label.of("outcome", "completed"));
    meters.count("sluice.chat.jobs", 1, Label.of("outcome", "failed"));

    assertThat(registry.get("sluice.chat.jobs").tag("outcome", "completed").counter().count())
        .isEqualTo(3.0);
    assertThat(registry.get("sluice.chat.jobs").tag("outcome", "failed").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void timesAreRecordedWithTheirLabels() {
    meters.time("sluice.chat.duration", Duration.ofMillis(250), Label.of("model", "sim"));
    meters.time("sluice.chat.duration", Duration.ofMillis(750), Label.of("model", "sim"));

    var timer = registry.get("sluice.chat.duration").tag("model", "sim").timer();
    assertThat(timer.count()).isEqualTo(2);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1000.0);
  }

  @Test
  void aGaugeIsReadWhenCollectedAndCanBeForgotten() {
    AtomicInteger inFlight = new AtomicInteger(3);
    meters.gauge("sluice.batch.calls.in.flight", "calls", inFlight::get, Label.of("batch", "b1"));
    inFlight.set(5);

    assertThat(registry.get("sluice.batch.calls.in.flight").tag("batch", "b1").gauge().value())
        .isEqualTo(5.0);

    meters.removeGauge("sluice.batch.calls.in.flight", Label.of("batch", "b1"));
    assertThat(registry.find("sluice.batch.calls.in.flight").gauges()).isEmpty();
  }

  @Test
  void registeringAGaugeTwiceKeepsTheFirst() {
    meters.gauge("sluice.chat.jobs.running", "running", () -> 1);
    meters.gauge("sluice.chat.jobs.running", "running", () -> 2);

    assertThat(registry.get("sluice.chat.jobs.running").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void forgettingAGaugeThatIsNotThereIsHarmless() {
    meters.removeGauge("sluice.nothing", Label.of("batch", "none"));

    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void aGaugeIsNotLostWhenItsValueIsOnlyALambda() {
    meters.gauge("sluice.llm.streams.open", "open", () -> 7);
    System.gc();

    assertThat(registry.get("sluice.llm.streams.open").gauge().value()).isEqualTo(7.0);
  }

  @Test
  void aRedeploymentsGaugesReplaceTheStoppedOnesInTheServersRegistry() {
    meters.gauge("sluice.chat.jobs.running", "running", () -> 1);
    meters.gauge("sluice.provider.batches", "batches", () -> 4, Label.of("status", "completed"));
    meters.count("sluice.chat.jobs", 1, Label.of("outcome", "completed"));

    meters.close();
    Meters redeployed = new MicrometerMeters(registry);
    redeployed.gauge("sluice.chat.jobs.running", "running", () -> 2);

    assertThat(registry.get("sluice.chat.jobs.running").gauge().value()).isEqualTo(2.0);
    assertThat(registry.find("sluice.provider.batches").gauges()).isEmpty();
    assertThat(registry.get("sluice.chat.jobs").counter().count())
        .as("counters go on counting")
        .isEqualTo(1.0);
  }
}
