package dev.sluice.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The pure rules of sign-in: reading Basic headers, choosing a challenge, where to go next. */
class SignInRulesTest {

  @Test
  void readsABasicHeaderWithAColonInThePassword() {
    var credential = BasicCredentials.parse(basic("demo:pa:ss wörd")).orElseThrow();

    assertThat(credential.getCaller()).isEqualTo("demo");
    assertThat(credential.getPasswordAsString()).isEqualTo("pa:ss wörd");
    assertThat(BasicCredentials.parse("basic " + encode("demo:x"))).isPresent();
  }

  @Test
  void malformedOrOtherHeadersAreNoCredential() {
    assertThat(BasicCredentials.parse(null)).isEmpty();
    assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
    assertThat(BasicCredentials.parse("Basic !!!not-base64")).isEmpty();
    assertThat(BasicCredentials.parse(basic("no-colon"))).isEmpty();
    assertThat(BasicCredentials.parse(basic(":password-without-name"))).isEmpty();
    assertThat(BasicCredentials.present("Basic !!!")).isTrue();
  }

  @Test
  void aHeaderIsReadStrictlyAsLibertyReadsItAgain() {
    // Liberty decodes an accepted header once more; anything looser than this would fail there.
    assertThat(BasicCredentials.parse("Basic  " + encode("demo:pw"))).isEmpty();
    assertThat(BasicCredentials.parse("Basic " + encode("demo:pw") + " ")).isEmpty();
    assertThat(BasicCredentials.parse("Basic ")).isEmpty();
    assertThat(BasicCredentials.parse("Basic " + "A".repeat(6000))).isEmpty();
    assertThat(BasicCredentials.parse("Basic " + encode("demo:pw"))).isPresent();
  }

  @Test
  void aMalformedHeaderIsAnsweredWithTheBasicChallengeAndNoEcho() {
    var malformed = SignInMechanism.MALFORMED;

    assertThat(malformed.problem().status()).isEqualTo(401);
    assertThat(malformed.headers())
        .containsEntry("WWW-Authenticate", "Basic realm=\"Sluice\", charset=\"UTF-8\"");
    assertThat(malformed.problem().detail()).doesNotContain("ZGVtbw");
  }

  @Test
  void browsersOpeningPagesAreSentToTheSignInPage() {
    assertThat(Challenge.of("GET", "text/html,application/xhtml+xml", null, null, null))
        .isEqualTo(Challenge.SIGN_IN_PAGE);
    assertThat(Challenge.of("GET", "text/html", null, null, "navigate"))
        .isEqualTo(Challenge.SIGN_IN_PAGE);
    assertThat(Challenge.of("GET", "text/html", null, "websocket", null))
        .isEqualTo(Challenge.BASIC);
    assertThat(Challenge.of("POST", "text/html", null, null, null)).isEqualTo(Challenge.BASIC);
    assertThat(Challenge.of("GET", "application/json", null, null, null))
        .isEqualTo(Challenge.BASIC);
    assertThat(Challenge.of("GET", null, null, null, null)).isEqualTo(Challenge.BASIC);
    assertThat(Challenge.of("GET", "application/json", "page", null, null))
        .isEqualTo(Challenge.SESSION_ENDED);
  }

  @Test
  void nothingABrowserFetchesBesidesAPageIsChallengedWithBasic() {
    // A page's script or style (a cached page's, after its session ended), a form's POST, a socket.
    assertThat(Challenge.of("GET", "*/*", null, null, "no-cors"))
        .isEqualTo(Challenge.SESSION_ENDED);
    assertThat(Challenge.of("GET", "*/*", null, null, "cors")).isEqualTo(Challenge.SESSION_ENDED);
    assertThat(Challenge.of("POST", "text/html", null, null, "navigate"))
        .isEqualTo(Challenge.SESSION_ENDED);
    assertThat(Challenge.of("GET", null, null, "websocket", "websocket"))
        .isEqualTo(Challenge.SESSION_ENDED);
  }

  @Test
  void onlyLocalPathsAreFollowedAfterSignIn() {
    assertThat(SafeRedirect.target("/chat/#chat=1")).isEqualTo("/chat/#chat=1");
    assertThat(SafeRedirect.target("/admin/?tab=queues")).isEqualTo("/admin/?tab=queues");
    assertThat(SafeRedirect.target(null)).isEqualTo(SafeRedirect.HOME);
    assertThat(SafeRedirect.target("https://evil.example/")).isEqualTo(SafeRedirect.HOME);
    assertThat(SafeRedirect.target("//evil.example/")).isEqualTo(SafeRedirect.HOME);
    assertThat(SafeRedirect.target("/\\evil.example/")).isEqualTo(SafeRedirect.HOME);
    assertThat(SafeRedirect.target("/x\r\nSet-Cookie: a=b")).isEqualTo(SafeRedirect.HOME);
  }

  private static String basic(String pair) {
    return "Basic " + encode(pair);
  }

  private static String encode(String pair) {
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
