package dev.sluice.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Host headers are a host and an optional port (RFC 3986, RFC 9112 section 3.2). */
class HostHeaderTest {

  @Test
  void namesAddressesAndPortsAreHosts() {
    assertThat(HostHeader.valid("localhost")).isTrue();
    assertThat(HostHeader.valid("127.0.0.1:9080")).isTrue();
    assertThat(HostHeader.valid("sluice.example.com")).isTrue();
    assertThat(HostHeader.valid("[::1]:9080")).isTrue();
    assertThat(HostHeader.valid("xn--bcher-kva.example")).isTrue();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(HostHeader.valid(null)).isFalse();
    assertThat(HostHeader.valid("")).isFalse();
    assertThat(HostHeader.valid("bad host")).isFalse();
    assertThat(HostHeader.valid("a@b")).isFalse();
    assertThat(HostHeader.valid("a/b")).isFalse();
    assertThat(HostHeader.valid("localhost:99999999")).isFalse();
    assertThat(HostHeader.valid("[::1")).isFalse();
    assertThat(HostHeader.valid("a".repeat(300))).isFalse();
  }

  @Test
  void aLongAlmostHostFailsWithoutBacktracking() {
    // A pattern with nested repetition would take exponential time here; this one fails at once.
    assertThat(HostHeader.valid("a%41".repeat(60) + " ")).isFalse();
  }
}
