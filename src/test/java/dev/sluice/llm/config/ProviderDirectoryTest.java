package dev.sluice.llm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.StreamListener;
import dev.sluice.platform.config.ConfigView;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderDirectoryTest {

  private final AtomicInteger created = new AtomicInteger();

  @Test
  void withNoKeyAnywhereTheSimulatedModelIsTheDefault() {
    ProviderDirectory directory = directory(Map.of());

    assertThat(directory.defaultModel()).isEqualTo("sim-large");
    assertThat(directory.available(directory.catalog().find("sim-large").orElseThrow())).isTrue();
    assertThat(directory.available(directory.catalog().find("gpt-4o").orElseThrow())).isFalse();
  }

  @Test
  void aConfiguredKeyMakesThatProvidersModelTheDefault() {
    ProviderDirectory directory =
        directory(Map.of("sluice.providers.anthropic.api-key", "sk-ant-xyz"));

    assertThat(directory.defaultModel()).isEqualTo("claude-haiku-4-5");
  }

  @Test
  void anExplicitDefaultWinsAndMustExist() {
    assertThat(directory(Map.of("sluice.default-model", "sim-small")).defaultModel())
        .isEqualTo("sim-small");
    assertThatThrownBy(() -> directory(Map.of("sluice.default-model", "gpt-9")))
        .hasMessageContaining("sluice.default-model")
        .hasMessageContaining("gpt-9");
  }

  @Test
  void refusesModelsNoProviderCanServeWithTheReason() {
    ProviderDirectory directory = directory(Map.of());

    assertThatThrownBy(() -> directory.providerFor("nope"))
        .isInstanceOfSatisfying(
            LlmException.class,
            e -> assertThat(e.kind()).isEqualTo(LlmErrorKind.PROVIDER_UNAVAILABLE))
        .hasMessageContaining("unknown model 'nope'");
    assertThatThrownBy(() -> directory.providerFor("gpt-4o")).hasMessageContaining("no API key");
  }

  @Test
  void createsEachAdapterOnce() {
    ProviderDirectory directory = directory(Map.of());

    LlmProvider first = directory.providerFor("sim-large");
    LlmProvider second = directory.providerFor("sim-small");

    assertThat(first).isSameAs(second);
    assertThat(created).hasValue(1);
  }

  private ProviderDirectory directory(Map<String, String> extra) {
    Map<String, String> config = new HashMap<>();
    config.put("sluice.providers", "simulated,openai,anthropic");
    config.put("sluice.providers.simulated.default-model", "sim-large");
    config.put("sluice.providers.openai.default-model", "gpt-4o-mini");
    config.put("sluice.providers.anthropic.default-model", "claude-haiku-4-5");
    config.putAll(extra);
    return ProviderDirectoryReader.read(ConfigView.of(config), this::fake);
  }

  private LlmProvider fake(ProviderSettings settings) {
    created.incrementAndGet();
    return new LlmProvider() {
      @Override
      public String name() {
        return settings.name();
      }

      @Override
      public ChatStream stream(ChatRequest request, StreamListener listener) {
        throw new UnsupportedOperationException("not called in these tests");
      }
    };
  }
}
