package dev.sluice.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

  private final OriginPolicy policy = new OriginPolicy(List.of("https://app.example.com/"));

  @Test
  void theServersOwnOriginIsAccepted() {
    assertThat(policy.permits("http://localhost:9480", "localhost:9480")).isTrue();
    assertThat(policy.permits("https://Sluice.example.org", "sluice.example.org")).isTrue();
    assertThat(policy.permits("https://sluice.example.org:443", "sluice.example.org")).isTrue();
  }

  @Test
  void anotherSiteIsRefused() {
    assertThat(policy.permits("http://evil.example", "localhost:9480")).isFalse();
    assertThat(policy.permits("http://localhost:9999", "localhost:9480")).isFalse();
    assertThat(policy.permits("null", "localhost:9480")).isFalse();
    assertThat(policy.permits("http://localhost:9480", null)).isFalse();
  }

  @Test
  void anAllowedOriginIsAccepted() {
    assertThat(policy.permits("https://app.example.com", "localhost:9480")).isTrue();
  }

  @Test
  void aClientThatIsNotABrowserSendsNoOriginAndIsLetThrough() {
    assertThat(policy.permits(null, "localhost:9480")).isTrue();
  }
}
