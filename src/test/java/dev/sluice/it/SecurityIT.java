package dev.sluice.it;

import static dev.sluice.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in from outside: who may steer the gate and reach a user's work, and what stays public.
 * Refusals are problem documents with a Basic challenge, never an HTML page or a stack trace.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

  private static final String RESET = "/api/admin/providers/simulated/breaker/reset";

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void anAnonymousChangeIsChallenged() {
    HttpResponse<String> response = new Http(base).post(RESET);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
        .startsWith("Basic")
        .contains("Sluice");
    assertProblem(response, 401);
  }

  @Test
  void aWrongPasswordIsRefused() {
    HttpResponse<String> response =
        new Http(base).as(new Credentials("admin", "not-the-password")).post(RESET);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    assertProblem(response, 401);
    assertThat(response.body()).doesNotContain("not-the-password");
  }

  @Test
  void aUserWithoutTheAdminRoleIsForbidden() {
    HttpResponse<String> response = new Http(base).as(Credentials.demo()).post(RESET);

    assertThat(response.statusCode()).isEqualTo(403);
    assertProblem(response, 403);
  }

  @Test
  void anAdminSteersTheGate() {
    HttpResponse<String> response = new Http(base).as(Credentials.admin()).post(RESET);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).asJsonObject().getString("state")).isEqualTo("CLOSED");
  }

  /** Breakers are steered only under /api/admin; what is left under /api/admission is reads. */
  @Test
  void theGatesReadPathTakesNoWriteAndNoAnonymousOne() {
    String oldReset = "/api/admission/breakers/simulated/reset";

    assertProblem(new Http(base).post(oldReset), 401);
    assertProblem(new Http(base).as(Credentials.demo()).post(oldReset), 403);
    assertProblem(new Http(base).as(Credentials.admin()).post(oldReset), 404);
  }

  @Test
  void readsStayPublic() {
    Http anonymous = new Http(base);

    assertThat(anonymous.get("/api/models").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/api/providers").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/api/admission").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/api/admission/breakers/simulated").statusCode()).isEqualTo(200);
  }

  @Test
  void aUsersWorkNeedsSignInAndAdminsHaveTheUserRole() {
    assertThat(new Http(base).get("/api/chats").statusCode()).isEqualTo(401);
    assertThat(new Http(base).as(Credentials.demo()).get("/api/chats").statusCode()).isEqualTo(200);
    assertThat(new Http(base).as(Credentials.admin()).get("/api/chats").statusCode())
        .isEqualTo(200);
    // No documents resource exists yet: past the sign-in the answer is JAX-RS's 404.
    assertThat(new Http(base).as(Credentials.admin()).get("/api/documents/1").statusCode())
        .isEqualTo(404);
    assertThat(new Http(base).as(Credentials.demo()).get("/api/admin/queues").statusCode())
        .isEqualTo(403);
  }
}
