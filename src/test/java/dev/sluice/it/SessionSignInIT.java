package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser's way in: the sign-in page's form opens a session; the session cookie signs in page
 * requests, API calls and sign-out; other sites can neither post the form nor change anything with
 * the cookie; an anonymous page visit is sent to sign in, an anonymous API call challenged, but
 * never a browser's own fetch with Basic; signed-in pages are not reused from a browser's cache.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
class SessionSignInIT {

  private static final String EVIL = "https://evil.example";

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void anAnonymousPageVisitIsSentToSignInAndComesBack() {
    HttpResponse<String> response =
        http()
            .send(
                HttpRequest.newBuilder(http().resolve("/chat/?x=1")).header("Accept", "text/html"));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElse(""))
        .endsWith("/signin.html?next=%2Fchat%2F%3Fx%3D1");
  }

  @Test
  void aScriptWhoseSessionEndedIsNotChallengedWithBasic() {
    HttpResponse<String> response =
        http()
            .send(
                HttpRequest.newBuilder(http().resolve("/api/me"))
                    .header("X-Sluice-Client", "page"));

    assertToldSessionEnded(response);
  }

  @Test
  void aBrowsersScriptWhoseSessionEndedIsNotChallengedWithBasic() {
    // A page kept from before sign-out asks for its script: a Basic challenge would open the
    // browser's password dialog (and stall a headless browser's page load).
    HttpResponse<String> response =
        http()
            .send(
                HttpRequest.newBuilder(http().resolve("/admin/console.js"))
                    .header("Accept", "*/*")
                    .header("Sec-Fetch-Mode", "no-cors"));

    assertToldSessionEnded(response);
  }

  @Test
  void signedInPagesAreNotReusedWithoutAskingTheServer() {
    Http demo = http().as(Credentials.demo());
    HttpResponse<String> page =
        demo.send(HttpRequest.newBuilder(demo.resolve("/chat/")).header("Accept", "text/html"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
  }

  @Test
  void thePagesNameAnIconTheServerServesToAnyone() {
    // Without one every page visit asked for /favicon.ico, a 404 Liberty logged as an incident.
    for (String page : new String[] {"/", "/signin.html"}) {
      HttpResponse<String> response = http().get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertThat(response.body()).as(page).contains("rel=\"icon\" href=\"/assets/favicon.svg\"");
    }
    HttpResponse<String> icon = http().get("/assets/favicon.svg");
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
  }

  @Test
  void theFormOpensASessionThatSignsInLaterCallsUntilSignOut() {
    String cookie = signIn(Credentials.demo(), "/chat/");

    HttpResponse<String> me = withCookie(cookie, HttpRequest.newBuilder(http().resolve("/api/me")));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(Http.json(me).asJsonObject().getString("name")).isEqualTo("demo");

    HttpResponse<String> out = withCookie(cookie, post("/signout", "").header("Origin", origin()));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(withCookie(cookie, HttpRequest.newBuilder(http().resolve("/api/me"))).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aWrongPasswordReturnsToTheFormSayingSo() {
    HttpResponse<String> response =
        http().send(post("/signin", form("demo", "wrong", "/chat/")).header("Origin", origin()));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location").orElse(""))
        .contains("/signin.html?failed");
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void theNextPageIsAlwaysOnThisServer() {
    HttpResponse<String> response =
        http()
            .send(
                post("/signin", form("demo", Credentials.demo().password(), "//evil.example/x"))
                    .header("Origin", origin()));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/chat/");
  }

  @Test
  void anotherSiteCannotPostTheSignInForm() {
    HttpResponse<String> response =
        http()
            .send(
                post("/signin", form("demo", Credentials.demo().password(), "/chat/"))
                    .header("Origin", EVIL));

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void aChangeRidingTheCookieNeedsTheOwnOriginAndTheClientHeader() {
    String cookie = signIn(Credentials.demo(), "/chat/");
    String chat = "{\"title\":\"cookie\"}";

    HttpResponse<String> bare = withCookie(cookie, json("/api/chats", chat));
    HttpResponse<String> foreign =
        withCookie(
            cookie,
            json("/api/chats", chat).header("X-Sluice-Client", "page").header("Origin", EVIL));
    HttpResponse<String> own =
        withCookie(
            cookie,
            json("/api/chats", chat).header("X-Sluice-Client", "page").header("Origin", origin()));

    assertThat(bare.statusCode()).isEqualTo(403);
    assertThat(bare.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(bare.body()).contains("X-Sluice-Client");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
  }

  @Test
  void basicClientsGetNoSession() {
    HttpResponse<String> response = http().as(Credentials.demo()).get("/api/me");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
  }

  /** Signs in through the form; returns the session cookie. */
  private String signIn(Credentials user, String next) {
    HttpResponse<String> response =
        http()
            .send(
                post("/signin", form(user.user(), user.password(), next))
                    .header("Origin", origin()));
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location").orElse("")).endsWith(next);
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private HttpResponse<String> withCookie(String cookie, HttpRequest.Builder request) {
    return http().send(request.header("Cookie", cookie));
  }

  private HttpRequest.Builder post(String path, String formBody) {
    return HttpRequest.newBuilder(http().resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(formBody));
  }

  private HttpRequest.Builder json(String path, String body) {
    return HttpRequest.newBuilder(http().resolve(path))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body));
  }

  private static String form(String user, String password, String next) {
    return "username=" + encode(user) + "&password=" + encode(password) + "&next=" + encode(next);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String origin() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }

  private Http http() {
    return new Http(base);
  }

  /** A 401 that tells a page its session ended, without a challenge a browser would answer. */
  private static void assertToldSessionEnded(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Session");
  }
}
