package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FallbackChainTest {

  @Test
  void theRequestedModelComesFirstThenItsConfiguredFallbacks() {
    FallbackChain chain =
        new FallbackChain(Map.of("gpt-4o", List.of("gpt-4o-mini", "claude-haiku-4-5")));
    assertThat(chain.chainFor("gpt-4o"))
        .containsExactly("gpt-4o", "gpt-4o-mini", "claude-haiku-4-5");
    assertThat(chain.chainFor("gpt-4o-mini")).containsExactly("gpt-4o-mini");
  }

  @Test
  void aChainMayNotComeBackToItsModelNorRepeatOne() {
    assertThatThrownBy(() -> new FallbackChain(Map.of("a", List.of("b", "a"))))
        .hasMessageContaining("'a'");
    assertThatThrownBy(() -> new FallbackChain(Map.of("a", List.of("b", "c", "b"))))
        .hasMessageContaining("'b'");
  }
}
