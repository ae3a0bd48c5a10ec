package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Assertions on RFC 9457 problem answers, shared by the integration tests. */
final class Problems {

  private Problems() {}

  /** A problem document with this status, and nothing of a stack trace. */
  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(Http.json(response).asJsonObject().getInt("status")).isEqualTo(status);
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("<html");
  }

  /** A 400 problem naming {@code field} among its errors. */
  static void assertField(HttpResponse<String> response, String field) {
    assertField(response, 400, field);
  }

  /** A problem with this status naming {@code field} among its errors. */
  static void assertField(HttpResponse<String> response, int status, String field) {
    assertProblem(response, status);
    assertThat(
            Http.json(response).asJsonObject().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .contains(field);
  }
}
