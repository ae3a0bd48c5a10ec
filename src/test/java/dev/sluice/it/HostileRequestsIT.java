package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.it.RawHttp.Answer;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed and hostile requests, sent byte for byte: every error the server answers is a 4xx
 * problem document without a stack trace, an exception's name or the server's product name. The few
 * answers the server gives before any application runs (Liberty's HTTP channel, Undertow's parser
 * on WildFly) cannot be problems; they are checked to carry no internals at least. Where the two
 * servers answer differently, the test says which does what.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileRequestsIT {

  private static final List<String> INTERNALS =
      List.of(
          "Exception",
          "\tat ",
          "at com.ibm",
          "at dev.sluice",
          "at java.",
          "Liberty",
          "WebSphere",
          "IBM",
          "SRVE",
          "WildFly",
          "Undertow",
          "JBoss",
          "WFLY");

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void malformedBasicCredentialsAreA401ProblemWithTheChallenge() {
    String valid = encode(Credentials.demo().user() + ":" + Credentials.demo().password());
    for (String header :
        List.of(
            "Basic ZGVtbw==",
            "Basic !!!notbase64",
            "Basic ",
            "Basic " + "A".repeat(6000),
            "basic ZGVtbw==",
            "Basic " + encode(":password-without-name"))) {
      Answer answer = raw().get("/api/chats", "Authorization: " + header);

      assertProblem(answer, 401);
      assertThat(answer.header("WWW-Authenticate")).startsWith("Basic realm=\"Sluice\"");
      assertThat(answer.body()).doesNotContain("ZGVtbw").doesNotContain("notbase64");
    }
    // Two spaces after the scheme: RFC 7235 allows any number, but Liberty reads the header again
    // after sign-in and fails on more than one, so Sluice refuses it there. Undertow (WildFly)
    // folds the spaces into one before any application sees the header.
    Answer twoSpaces = raw().get("/api/chats", "Authorization: Basic  " + valid);
    if (Server.current().isWildFly()) {
      assertThat(twoSpaces.status()).isEqualTo(200);
    } else {
      assertProblem(twoSpaces, 401);
    }
  }

  @Test
  void aMalformedHeaderOnAPublicReadIsTreatedLikeAWrongPassword() {
    Answer wrong =
        raw().get("/api/models", "Authorization: Basic " + encode("demo:not-the-password"));
    Answer malformed = raw().get("/api/models", "Authorization: Basic ZGVtbw==");

    assertThat(malformed.status()).as(malformed.body()).isEqualTo(wrong.status()).isLessThan(500);
    assertNoInternals(malformed);
  }

  @Test
  void aSignInFormThatCannotBeDecodedIsA400Problem() {
    for (String form :
        List.of("%%%", "username=%zz&password=%", "username=demo&password=x&next=%G1")) {
      Answer answer =
          raw()
              .request(
                  "POST",
                  "/signin",
                  form,
                  "Content-Type: application/x-www-form-urlencoded",
                  "Origin: http://" + raw().authority());

      assertProblem(answer, 400);
      assertThat(answer.body()).contains("well-formed form");
    }
  }

  /** Liberty refuses these paths before any application; on WildFly, Sluice's own filter does. */
  @Test
  void aPathWithAnEncodedSlashOrABackslashIsA400Problem() {
    for (String path :
        List.of(
            "/api/chats/..%2F..%2Fetc%2Fpasswd",
            "/api/chats/..%5C..%5Cetc", "/api/chats/%2e%2e", "/foo%2Fbar")) {
      Answer answer = raw().get(path, "Authorization: " + Credentials.demo().header());

      assertProblem(answer, 400);
      assertThat(answer.body()).contains("may not contain an encoded");
    }
  }

  @Test
  void unknownPathsInsideAndOutsideTheApiAreA404Problem() {
    assertProblem(raw().get("/api/nope"), 404);
    assertProblem(raw().get("/nope"), 404);
    assertProblem(raw().get("/nope.html", "Accept: text/html"), 404);
    assertProblem(raw().get("/chat/"), 401);
  }

  @Test
  void refusedMethodsAndRepresentationsAreProblems() {
    List<String> targets = List.of("/", "/signin", "/api/models", "/assets/sluice.css");
    for (String target : targets) {
      Answer brew = raw().request("BREW", target, null);
      assertProblem(brew, 405);
      assertThat(brew.header("Allow")).contains("GET");
    }
    // Liberty's security refuses TRACE to its static file and servlet defaults itself, before any
    // filter, with an empty 403; the API's own refusal is a problem. TRACE goes last: a TRACE to a
    // static path can leave Liberty's file servlet "temporarily unavailable" (503, SRVE0095I) for
    // what follows, an open finding (docs/hostile-input.md).
    for (String target : targets) {
      Answer trace = raw().request("TRACE", target, null);
      assertThat(trace.status()).as(target).isIn(403, 405);
      assertNoInternals(trace);
    }
    // The open finding's symptom, checked each run: the static files still serve after the TRACEs.
    assertThat(raw().get("/assets/sluice.css").status()).isEqualTo(200);
    // Refused by the sign-in check before the method filter, yet the same 405 as everywhere.
    Answer unsignedBrew = raw().request("BREW", "/api/chats", null);
    assertProblem(unsignedBrew, 405);
    assertThat(unsignedBrew.header("Allow")).contains("GET");
    // Undertow refuses TRACE itself (its listener's disallowed methods), with an empty 405.
    assertRefusal(raw().request("TRACE", "/api/models", null), 405);
    assertProblem(raw().get("/signin"), 405);
    assertProblem(raw().request("PUT", "/signin", ""), 405);
    assertProblem(raw().request("DELETE", "/api/models", null), 405);
    assertProblem(raw().get("/api/models", "Accept: image/png"), 406);
    assertProblem(
        raw()
            .request(
                "POST",
                "/api/chats",
                "a,b",
                "Content-Type: text/csv",
                "Authorization: " + Credentials.demo().header()),
        415);
  }

  /** Sluice's filter answers these on Liberty; Undertow refuses all but the empty one itself. */
  @Test
  void aMissingRepeatedOrMalformedHostIsA400Problem() {
    assertRefusal(raw().send("GET /api/models HTTP/1.1\r\nConnection: close\r\n\r\n"), 400);
    for (String hosts : List.of("Host: a\r\nHost: b", "Host: bad host!", "Host: a@evil")) {
      assertRefusal(
          raw().send("GET /api/models HTTP/1.1\r\n" + hosts + "\r\nConnection: close\r\n\r\n"),
          400);
    }
    assertProblem(
        raw().send("GET /api/models HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n"), 400);
    assertThat(raw().get("/api/models").status()).isEqualTo(200);
  }

  /**
   * Liberty refuses these before choosing an application; its short page has no internals. Undertow
   * refuses the bad escape itself (an empty 400) and hands the others to Sluice: a 4xx problem.
   */
  @Test
  void pathsTheContainerRefusesCarryNoInternals() {
    for (String path :
        List.of(
            "/api/chats/a%00b", "/api/chats/..;/x", "/api/chats/%zz", "/api/../../etc/passwd")) {
      Answer answer = raw().get(path, "Authorization: " + Credentials.demo().header());

      if (Server.current().isWildFly()) {
        assertThat(answer.status()).as(path).isBetween(400, 499);
      } else {
        assertThat(answer.status()).as(path).isEqualTo(400);
      }
      assertNoInternals(answer);
    }
  }

  /**
   * Liberty's HTTP channel refuses a field over 32 KB and more than 500 headers before any web code
   * runs, with an empty 400 (or by closing the connection): no body, so no internals.
   */
  @Test
  void oversizedRequestsAreRefusedWithoutABody() {
    List<Answer> answers =
        List.of(
            raw().get("/api/models?q=" + "a".repeat(60 * 1024)),
            raw().get("/api/chats/" + "a".repeat(70 * 1024)),
            raw().get("/api/models", "X-Big: " + "a".repeat(200 * 1024)),
            raw().get("/api/models", manyHeaders(600)));
    for (Answer answer : answers) {
      assertThat(answer.status()).isIn(0, 400);
      assertThat(answer.body()).isEmpty();
    }
  }

  /** Health is the server's own module: Liberty's on the HTTP port, WildFly's on management. */
  @Test
  void theServersOwnModulesAnswerErrorsWithoutInternals() {
    if (Server.current().isWildFly()) {
      Answer answer = new RawHttp(Server.current().healthBase(base)).get("/health/%2F");
      assertThat(answer.status()).isEqualTo(404);
      INTERNALS.forEach(internal -> assertThat(answer.body()).doesNotContain(internal));
      return;
    }
    Answer answer = raw().get("/health/%2F");

    assertThat(answer.status()).isEqualTo(400);
    assertNoInternals(answer);
  }

  private RawHttp raw() {
    return new RawHttp(base);
  }

  private static void assertProblem(Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = Http.json(answer.body()).asJsonObject();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertNoInternals(answer);
  }

  /**
   * {@code status} as a problem; on WildFly, Undertow's own refusal (an empty body) is as good: it
   * answers before any application runs.
   */
  private static void assertRefusal(Answer answer, int status) {
    if (Server.current().isWildFly() && answer.body().isEmpty()) {
      assertThat(answer.status()).isEqualTo(status);
    } else {
      assertProblem(answer, status);
    }
  }

  private static void assertNoInternals(Answer answer) {
    for (String internal : INTERNALS) {
      assertThat(answer.body()).as(answer.body()).doesNotContain(internal);
    }
    assertThat(answer.body().toLowerCase()).doesNotContain("<html");
  }

  private static String manyHeaders(int count) {
    StringBuilder headers = new StringBuilder("X-H0: v");
    for (int i = 1; i < count; i++) {
      headers.append("\r\nX-H").append(i).append(": v");
    }
    return headers.toString();
  }

  private static String encode(String pair) {
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
