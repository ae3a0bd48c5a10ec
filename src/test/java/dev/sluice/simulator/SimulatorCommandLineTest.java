package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorCommandLineTest {

  @Test
  void readsThePortTheKeyAndEverySetting() {
    SimulatorCommandLine line =
        SimulatorCommandLine.parse(
            new String[] {
              "--port=9000",
              "--api-key=k",
              "--first-token-delay=500ms",
              "--inter-token-delay=100",
              "--output-tokens=64",
              "--rate-limit-ratio=0.1"
            });
    assertThat(line.port()).isEqualTo(9000);
    assertThat(line.apiKey()).isEqualTo("k");
    assertThat(line.settings().firstTokenDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(line.settings().interTokenDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(line.settings().outputTokens()).isEqualTo(64);
    assertThat(line.settings().rateLimitRatio()).isEqualTo(0.1);
  }

  @Test
  void readsTheBatchSettings() {
    SimulatorCommandLine line =
        SimulatorCommandLine.parse(
            new String[] {
              "--batch-processing-time=500ms",
              "--batch-openai-max-requests=10",
              "--batch-anthropic-max-bytes=2048"
            });
    assertThat(line.batches().processingTime()).isEqualTo(Duration.ofMillis(500));
    assertThat(line.batches().openAiMaxRequests()).isEqualTo(10);
    assertThat(line.batches().anthropicMaxBytes()).isEqualTo(2048);
    assertThat(line.batches().openAiMaxBytes())
        .isEqualTo(BatchSettings.defaults().openAiMaxBytes());
    assertThat(SimulatorCommandLine.parse(new String[0]).batches())
        .isEqualTo(BatchSettings.defaults());
    assertThatThrownBy(
            () -> SimulatorCommandLine.parse(new String[] {"--batch-processing-time=soon"}))
        .hasMessageContaining("--batch-processing-time");
    assertThatThrownBy(
            () -> SimulatorCommandLine.parse(new String[] {"--batch-anthropic-max-requests=0"}))
        .hasMessageContaining("--batch-anthropic-max-requests");
  }

  @Test
  void defaultsToPort8089WithoutAKey() {
    SimulatorCommandLine line = SimulatorCommandLine.parse(new String[0]);
    assertThat(line.port()).isEqualTo(8089);
    assertThat(line.apiKey()).isNull();
  }

  @Test
  void rejectsUnknownOrBadOptions() {
    assertThatThrownBy(() -> SimulatorCommandLine.parse(new String[] {"--speed=fast"}))
        .hasMessageContaining("--speed");
    assertThatThrownBy(() -> SimulatorCommandLine.parse(new String[] {"--port=99999"}))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> SimulatorCommandLine.parse(new String[] {"--cut-ratio=2"}))
        .hasMessageContaining("cut-ratio");
    assertThatThrownBy(() -> SimulatorCommandLine.parse(new String[] {"port=1"}))
        .hasMessageContaining("--key=value");
  }
}
