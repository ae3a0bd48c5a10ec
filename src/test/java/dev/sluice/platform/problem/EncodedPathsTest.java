package dev.sluice.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodedPathsTest {

  @Test
  void encodedSeparatorsBackslashesAndControlCharactersAreRefused() {
    for (String path :
        new String[] {
          "/api/chats/..%2F..%2Fetc",
          "/api/chats/%2e%2e",
          "/a%23b",
          "/a%5cb",
          "/a\\b",
          "/a%00b",
          "/a%0Ab",
          "/a%1fb",
          "/a%7Fb"
        }) {
      assertThat(EncodedPaths.refused(path)).as(path).isTrue();
    }
  }

  @Test
  void ordinaryPathsAndOtherEscapesPass() {
    for (String path :
        new String[] {
          "/api/chats/0b6c1f7e-1a2b-4c3d-8e9f-001122334455",
          "/api/admin/queues/x/failed/ID:abc",
          "/a%20b",
          "/caf%C3%A9",
          "/a%3Ab",
          "/a%25b",
          "/assets/sluice.css"
        }) {
      assertThat(EncodedPaths.refused(path)).as(path).isFalse();
    }
    assertThat(EncodedPaths.refused(null)).isFalse();
  }

  @Test
  void theProblemNamesThePath() {
    Problem problem = EncodedPaths.problem();
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("path");
  }
}
