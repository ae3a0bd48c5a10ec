package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;

/**
 * The simulated provider's circuit breaker is shared by every test class on the server. Classes
 * whose tests make provider calls fail close it after them, and classes that count on every call
 * succeeding close it before them: the order in which classes run differs between machines.
 */
final class SimulatedBreaker {

  private SimulatedBreaker() {}

  static void close(URL base) {
    HttpResponse<String> reset =
        new Http(base)
            .root()
            .as(Credentials.admin())
            .post("/api/admin/providers/simulated/breaker/reset");
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
  }
}
