package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

  @Test
  void removesTheConfiguredSecret() {
    SecretRedactor redactor = SecretRedactor.of("local-secret-123");
    assertThat(redactor.redact("bad key local-secret-123 given"))
        .isEqualTo("bad key [redacted] given")
        .doesNotContain("local-secret-123");
  }

  @Test
  void removesKeyShapedStringsEvenMasked() {
    SecretRedactor redactor = SecretRedactor.of();
    assertThat(
            redactor.redact(
                "Incorrect API key provided: sk-proj-abc1*********************wxyz. You can find"))
        .isEqualTo("Incorrect API key provided: [redacted]. You can find");
    assertThat(redactor.redact("key sk-ant-api03-AbCdEf_123-xyz is invalid"))
        .isEqualTo("key [redacted] is invalid");
  }

  @Test
  void removesLongBearerTokensAndApiKeyAssignments() {
    SecretRedactor redactor = SecretRedactor.of();
    assertThat(redactor.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig"))
        .isEqualTo("Authorization: Bearer [redacted]");
    assertThat(redactor.redact("{\"x-api-key\": \"abcdefgh12345678\"}"))
        .isEqualTo("{\"x-api-key\": \"[redacted]\"}");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    SecretRedactor redactor = SecretRedactor.of((String) null);
    String text = "The model is overloaded, ask-me later; task-42 failed.";
    assertThat(redactor.redact(text)).isEqualTo(text);
    assertThat(redactor.redact(null)).isNull();
  }
}
