package dev.sluice.documents.batch.webhook;

import static dev.sluice.documents.batch.webhook.ReservedAddressesTest.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookPolicyTest {

  /** A DNS of fixed answers; asking for anything else fails. */
  private static final Map<String, String[]> DNS =
      Map.of(
          "public.example", new String[] {"93.184.216.34"},
          "rebind.example", new String[] {"93.184.216.34", "127.0.0.1"},
          "metadata.example", new String[] {"169.254.169.254"},
          "mapped.example", new String[] {"::ffff:10.0.0.1"},
          "hooks.internal", new String[] {"10.0.0.5"},
          "loop.example", new String[] {"127.0.0.1"});

  private static final WebhookPolicy DEFAULT = policy("");
  private static final WebhookPolicy ONE_PORT = policy("127.0.0.1:18452, hooks.internal");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "http://127.0.0.1:9080/api/admin/lanes",
        "http://localhost:9080/api/admin/lanes",
        "http://LOCALHOST./hook",
        "http://api.localhost/hook",
        "http://0.0.0.0:9080/api/admin/lanes",
        "http://[::]/hook",
        "http://[::1]:9080/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://[::ffff:7f00:1]/hook",
        "http://[fe80::1%25eth0]/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/hook",
        "http://172.16.0.1/hook",
        "http://192.168.1.1/hook",
        "http://100.64.0.1/hook",
        "http://[fd00::1]/hook",
        "https://224.0.0.1/hook",
        "http://255.255.255.255/hook",
      })
  void reservedLiteralsAndLocalhostAreRefusedAtSubmission(String url) {
    assertThat(DEFAULT.refusal(url)).contains(WebhookPolicy.RESERVED);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://2130706433:9080/api/admin/lanes | four decimal numbers",
        "http://0177.0.0.1/hook | four decimal numbers",
        "http://0/hook | four decimal numbers",
        "http://127.0.0.01/hook | four decimal numbers",
        "http://1.2.3.4.5/hook | an absolute http or https URL",
        "http://0x7f.1/hook | an absolute http or https URL",
        "http://127.1:9080/hook | an absolute http or https URL",
        "http://user:secret@hooks.example.com/ | no user name or password",
        "https://token@hooks.example.com/ | no user name or password",
        "http://hooks.example.com:0/ | a port from 1 to 65535",
        "http://hooks.example.com:99999/ | a port from 1 to 65535",
        "ftp://hooks.example.com/ | an absolute http or https URL",
        "/relative/hook | an absolute http or https URL",
        "http:///hook | an absolute http or https URL",
        "http://hooks example/ | an absolute http or https URL",
        "mailto:ops@example.com | an absolute http or https URL",
      })
  void malformedUrlsAreRefusedSayingWhy(String url, String reason) {
    assertThat(DEFAULT.refusal(url)).hasValueSatisfying(r -> assertThat(r).contains(reason));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://hooks.example.com/sluice?token=abc",
        "http://93.184.216.34:8080/hook",
        "http://[2606:4700:4700::1111]/hook",
        "http://internal.corp/hook",
        "http://rebind.example/hook",
      })
  void publicAddressesAndNamesAreAcceptedAtSubmission(String url) {
    assertThat(DEFAULT.refusal(url)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: refused {1}")
  @CsvSource({
    "http://127.0.0.1:18452/hook, false",
    "http://[::ffff:127.0.0.1]:18452/hook, false",
    "http://127.0.0.1:18453/hook, true",
    "http://127.0.0.2:18452/hook, true",
    "http://localhost:18452/hook, true",
    "http://2130706433:18452/hook, true",
    "http://hooks.internal/hook, false",
  })
  void theAllowListOpensOnlyWhatItNames(String url, boolean refused) {
    assertThat(ONE_PORT.refusal(url).isPresent()).isEqualTo(refused);
  }

  @Test
  void aPublicNameIsSentToTheAddressThatWasChecked() throws Exception {
    WebhookTarget target = DEFAULT.vet(URI.create("http://public.example:8080/hook"));

    assertThat(target.address().getAddress()).isEqualTo(address("93.184.216.34"));
    assertThat(target.address().getPort()).isEqualTo(8080);
    assertThat(target.url().secure()).isFalse();
    assertThat(DEFAULT.vet(URI.create("https://public.example/")).address().getPort())
        .isEqualTo(443);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "http://rebind.example/hook, 127.0.0.1",
    "http://metadata.example/latest/meta-data/, 169.254.169.254",
    "http://mapped.example/hook, 10.0.0.1",
    "http://loop.example:18453/hook, 127.0.0.1",
  })
  void aNameResolvingToAnyReservedAddressIsRefusedWhenSent(String url, String address) {
    assertThatThrownBy(() -> ONE_PORT.vet(URI.create(url)))
        .isInstanceOf(WebhookForbidden.class)
        .hasMessageContaining(address);
  }

  @Test
  void allowListedNamesAndAddressesAreSent() throws Exception {
    assertThat(ONE_PORT.vet(URI.create("http://hooks.internal/hook")).address().getAddress())
        .isEqualTo(address("10.0.0.5"));
    assertThat(ONE_PORT.vet(URI.create("http://loop.example:18452/hook")).address().getAddress())
        .isEqualTo(address("127.0.0.1"));
    assertThatThrownBy(() -> DEFAULT.vet(URI.create("http://hooks.internal/hook")))
        .isInstanceOf(WebhookForbidden.class);
  }

  @Test
  void aStoredUrlThatBreaksTheRulesIsRefusedWithoutAskingDns() {
    // Stored before these rules existed: judged again when sent, and DNS is never asked.
    assertThatThrownBy(() -> DEFAULT.vet(URI.create("http://user:pw@public.example/")))
        .isInstanceOf(WebhookForbidden.class)
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> DEFAULT.vet(URI.create("http://localhost:9080/")))
        .isInstanceOf(WebhookForbidden.class);
    assertThatThrownBy(() -> DEFAULT.vet(URI.create("http://2130706433/")))
        .isInstanceOf(WebhookForbidden.class);
  }

  @Test
  void anUnknownHostIsAnOrdinaryFailureWorthRetrying() {
    assertThatThrownBy(() -> DEFAULT.vet(URI.create("https://nowhere.example/")))
        .isInstanceOf(UnknownHostException.class);
  }

  private static WebhookPolicy policy(String allowed) {
    return new WebhookPolicy(
        AllowList.parse(
            allowed,
            bad -> {
              throw new AssertionError(bad);
            }),
        WebhookPolicyTest::resolve);
  }

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String[] answers = DNS.get(host);
    if (answers == null) {
      throw new UnknownHostException(host);
    }
    InetAddress[] addresses = new InetAddress[answers.length];
    for (int i = 0; i < answers.length; i++) {
      addresses[i] = address(answers[i]);
    }
    return addresses;
  }
}
