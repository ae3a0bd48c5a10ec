package dev.sluice.documents.batch.webhook;

import static dev.sluice.documents.batch.webhook.ReservedAddressesTest.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowListTest {

  private static final AllowList LIST =
      AllowList.parse(
          " Hooks.Internal. , ci.example:8443, 127.0.0.1:18452, 10.0.0.0/8,"
              + " [fd00::]/8:443, fe80::/64, [::1]:9000 ",
          bad -> {
            throw new AssertionError("rejected " + bad);
          });

  @ParameterizedTest(name = "{0} port {1}: {2}")
  @CsvSource({
    "127.0.0.1, 18452, true",
    "127.0.0.1, 18453, false",
    "127.0.0.2, 18452, false",
    "10.200.3.4, 80, true",
    "11.0.0.1, 80, false",
    "fd12::1, 443, true",
    "fd12::1, 80, false",
    "fe80::1, 1234, true",
    "fe80:0:0:1::1, 1234, false",
    "::1, 9000, true",
    "::1, 9001, false",
  })
  void addressesAndBlocksPermitExactlyTheirAddressesAndPort(
      String literal, int port, boolean permitted) {
    assertThat(LIST.permits(address(literal), port)).isEqualTo(permitted);
  }

  @ParameterizedTest(name = "{0} port {1}: {2}")
  @CsvSource({
    "hooks.internal, 80, true",
    "HOOKS.internal., 443, true",
    "evil.hooks.internal, 80, false",
    "ci.example, 8443, true",
    "ci.example, 443, false",
    "127.0.0.1, 18452, false",
  })
  void namesArePermittedByName(String host, int port, boolean permitted) {
    assertThat(LIST.permits(host, port)).isEqualTo(permitted);
  }

  @Test
  void malformedEntriesAreReportedAndLeftOut() {
    List<String> bad = new ArrayList<>();
    AllowList list =
        AllowList.parse(
            "10.0.0.0/33,2130706433,127.1,host:0,host:70000,[::1,hooks_internal,a/b,ok.example",
            bad::add);

    assertThat(bad)
        .containsExactly(
            "10.0.0.0/33",
            "2130706433",
            "127.1",
            "host:0",
            "host:70000",
            "[::1",
            "hooks_internal",
            "a/b");
    assertThat(list.permits("ok.example", 80)).isTrue();
    assertThat(list.permits(address("127.0.0.1"), 80)).isFalse();
  }

  @Test
  void anEmptySettingAllowsNothing() {
    AllowList list = AllowList.parse(" , ", bad -> {});

    assertThat(list.isEmpty()).isTrue();
    assertThat(list.permits(address("127.0.0.1"), 80)).isFalse();
  }
}
