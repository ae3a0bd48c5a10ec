package dev.sluice.llm.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {

  @Test
  void keepsSchemeHostPortAndPath() {
    assertThat(Urls.withoutCredentials(URI.create("http://10.0.0.7:11434/v1")))
        .isEqualTo("http://10.0.0.7:11434/v1");
    assertThat(Urls.withoutCredentials(URI.create("https://api.openai.com/v1")))
        .isEqualTo("https://api.openai.com/v1");
  }

  @Test
  void dropsUserInfoQueryAndFragment() {
    String shown =
        Urls.withoutCredentials(
            URI.create("https://bob:s3cret@proxy.internal:8443/v1?api-key=k3y#tok3n"));

    assertThat(shown).isEqualTo("https://proxy.internal:8443/v1");
  }

  @Test
  void anUnparsableHostShowsOnlyTheScheme() {
    assertThat(Urls.withoutCredentials(URI.create("http://bob:s3cret@llm_box:8080/v1")))
        .isEqualTo("http:");
  }

  @Test
  void noUrlIsNoUrl() {
    assertThat(Urls.withoutCredentials(null)).isNull();
  }
}
