package dev.sluice.llm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.platform.config.ConfigView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsReaderTest {

  @Test
  void readsListedProvidersAndAnyWithAType() {
    List<ProviderSettings> providers =
        new ProviderSettingsReader(
                ConfigView.of(
                    Map.of(
                        "sluice.providers", "simulated,openai",
                        "sluice.providers.simulated.type", "simulated",
                        "sluice.providers.openai.type", "openai",
                        "sluice.providers.openai.api-key", "sk-test-123456789",
                        "sluice.providers.ollama.type", "openai",
                        "sluice.providers.ollama.base-url", "http://localhost:11434/v1/",
                        "sluice.providers.ollama.key-required", "false",
                        "sluice.providers.ollama.idle-timeout", "2m",
                        "sluice.providers.ollama.headers.X-Team", "search")))
            .read();

    assertThat(providers)
        .extracting(ProviderSettings::name)
        .containsExactly("simulated", "openai", "ollama");
    ProviderSettings openai = providers.get(1);
    assertThat(openai.baseUrl()).hasToString("https://api.openai.com/v1");
    assertThat(openai.usable()).isTrue();
    ProviderSettings ollama = providers.get(2);
    assertThat(ollama.type()).isEqualTo(ProviderType.OPENAI);
    assertThat(ollama.baseUrl()).hasToString("http://localhost:11434/v1");
    assertThat(ollama.usable()).as("no key needed").isTrue();
    assertThat(ollama.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(ollama.extraHeaders()).containsEntry("X-Team", "search");
  }

  @Test
  void aProviderWithoutItsRequiredKeyIsNotUsable() {
    ProviderSettings anthropic =
        new ProviderSettingsReader(ConfigView.of(Map.of("sluice.providers", "anthropic")))
            .read()
            .get(0);

    assertThat(anthropic.type()).isEqualTo(ProviderType.ANTHROPIC);
    assertThat(anthropic.hasKey()).isFalse();
    assertThat(anthropic.usable()).isFalse();
  }

  @Test
  void neverPrintsTheKey() {
    ProviderSettings openai =
        new ProviderSettingsReader(
                ConfigView.of(
                    Map.of(
                        "sluice.providers",
                        "openai",
                        "sluice.providers.openai.api-key",
                        "sk-secret-42")))
            .read()
            .get(0);

    assertThat(openai.toString()).doesNotContain("sk-secret-42").contains("apiKey=(set)");
  }

  @Test
  void anUnknownTypeNamesTheKey() {
    assertThatThrownBy(
            () ->
                new ProviderSettingsReader(
                        ConfigView.of(Map.of("sluice.providers.x.type", "gemini")))
                    .read())
        .hasMessageContaining("sluice.providers.x.type")
        .hasMessageContaining("gemini");
  }
}
