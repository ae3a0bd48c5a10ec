package dev.sluice.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The problems for the statuses the container answers with by itself. */
class StatusProblemsTest {

  @Test
  void aKnownStatusGetsItsReasonPhraseAndAMeaning() {
    Problem notFound = StatusProblems.of(404, "/nope");
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.title()).isEqualTo("Not Found");
    assertThat(notFound.detail()).isEqualTo("no resource at this path");

    assertThat(StatusProblems.of(405, "/signin").title()).isEqualTo("Method Not Allowed");
    assertThat(StatusProblems.of(401, "/api/chats").detail()).contains("sign in");
  }

  @Test
  void aPathWithARefusedCharacterIsNamedAsTheReason() {
    assertThat(StatusProblems.of(400, "/api/chats/..%2F..%2Fetc%2Fpasswd").detail())
        .contains("encoded \"/\"");
    assertThat(StatusProblems.of(400, "/api/chats/..%5c").detail()).contains("backslash");
    assertThat(StatusProblems.of(400, "/api/chats/a%2Fb").errors())
        .extracting(Problem.FieldError::field)
        .containsExactly("path");
    assertThat(StatusProblems.of(400, "/api/chats/1").detail())
        .isEqualTo("the request is malformed");
  }

  @Test
  void anUnknownStatusStillHasATitle() {
    assertThat(StatusProblems.of(418, "/").title()).isEqualTo("Error");
    assertThat(StatusProblems.of(599, "/").title()).isEqualTo("Server Error");
    assertThat(StatusProblems.of(599, "/").detail()).contains("incident");
  }
}
