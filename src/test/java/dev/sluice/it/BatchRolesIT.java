package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * {@code server.xml} grants Liberty's batch roles to every caller inside the server (Sluice checks
 * batch ownership itself); the batch runtime's own REST API must stay closed all the same: nobody,
 * signed in to Sluice or not, lists or submits jobs through {@code /ibm/api/batch}. WildFly has no
 * such API.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BatchRolesIT {

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void theBatchRuntimesOwnApiIsClosedToEveryone() {
    // Liberty refuses: 401 or 403 (nobody holds its administrator roles, there being no registry),
    // or a 302 to its sign-in; WildFly has no such API (404, and 405 for a POST to it).
    List<Integer> closed =
        Server.current().isWildFly() ? List.of(404, 405) : List.of(302, 401, 403);
    for (Http caller :
        List.of(
            new Http(base).root(),
            new Http(base).root().as(Credentials.demo()),
            new Http(base).root().as(Credentials.admin()))) {
      HttpResponse<String> list = caller.get("/ibm/api/batch/jobinstances");
      assertThat(list.statusCode()).as(list.body()).isIn(closed);
      HttpResponse<String> submit =
          caller.send(
              HttpRequest.newBuilder(caller.resolve("/ibm/api/batch/jobinstances"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"applicationName\":\"sluice\",\"jobXMLName\":\"document-analysis\"}")));
      assertThat(submit.statusCode()).as(submit.body()).isIn(closed);
    }
  }
}
