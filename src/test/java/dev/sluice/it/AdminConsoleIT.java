package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin console in headless Chromium: an admin signs in on the page and every console page
 * loads without an error while a user is refused; a running batch's progress bar advances on the
 * batches page and its stop button stops it; the overview shows a lane's waiting calls while the
 * simulator is slow and the lane has been narrowed to one call at a time. Screenshots go to {@code
 * target/screenshots}.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
class AdminConsoleIT {

  private static final String PAGE_PROBLEM = "main p.error[role='alert']";
  private static final String SLOW_LANE = "simulated/sim-small";

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @RegisterExtension static final Browser browser = new Browser();

  @Test
  void anAdminSignsInAndEveryPageLoadsWhileAUserIsRefused() throws Exception {
    WebDriver driver = signedInAsAdmin();
    awaitLoaded("overview");
    assertThat(
            driver
                .findElement(By.cssSelector("main[data-page='overview'] [role='status']"))
                .getText())
        .startsWith("Updated");
    browser.screenshot("admin-overview");

    for (String name :
        List.of("batches", "generations", "queues", "providers", "costs", "cluster")) {
      driver.findElement(By.cssSelector(".console-nav a[data-page='" + name + "']")).click();
      awaitLoaded(name);
      assertThat(
              driver
                  .findElement(By.cssSelector(".console-nav a[data-page='" + name + "']"))
                  .getAttribute("aria-current"))
          .isEqualTo("page");
      browser.screenshot("admin-" + name);
    }

    browser.open(base.toString());
    browser.await(20, d -> d.findElement(By.id("admin-console")).isDisplayed());

    Http asDemo = new Http(base).as(Credentials.demo());
    HttpResponse<String> asUser = asDemo.send(consolePage(asDemo));
    assertThat(asUser.statusCode()).as(asUser.body()).isEqualTo(403);
    HttpResponse<String> anonymous = new Http(base).send(consolePage(new Http(base)));
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/signin.html");
  }

  @Test
  void aRunningBatchsBarAdvancesOnTheBatchesPageAndItsStopButtonStopsIt() throws Exception {
    WebDriver page = signedInAsAdmin();
    browser.open(base + "admin/#/batches");
    awaitLoaded("batches");
    page.findElement(By.name("owner")).sendKeys(Credentials.demo().user(), Keys.ENTER);
    // Submitted once the page is up, so a slow browser cannot let the batch end unseen.
    String id = slowBatch(40);

    By bar = By.cssSelector("#batches tr[data-key='" + id + "'] progress");
    Supplier<String> state = () -> "the page's bar " + progressOf(page, bar) + ", " + batch(id);
    double first = browser.await(60, d -> positive(progressOf(d, bar)), state);
    browser.await(60, d -> progressOf(d, bar) > first, state);
    browser.screenshot("admin-batches");

    page.findElement(By.cssSelector("#batches tr[data-key='" + id + "'] a")).click();
    awaitLoaded("batches/:id");
    WebElement stop =
        browser.await(20, ExpectedConditions.elementToBeClickable(By.id("batch-stop")));
    double beforeStop = progressOf(page, By.cssSelector("#batch-progress progress"));
    assertThat(beforeStop).isLessThan(100);
    stop.click();
    browser.await(10, ExpectedConditions.alertIsPresent()).accept();

    browser.await(30, d -> List.of("stopping", "stopped").contains(batch(id).getString("status")));
    browser.await(
        90, d -> "stopped".equals(d.findElement(By.id("page")).getAttribute("data-status")));
    browser.screenshot("admin-batch-stopped");
    JsonObject stopped = batch(id);
    assertThat(stopped.getString("status")).isEqualTo("stopped");
    JsonObject progress = stopped.getJsonObject("progress");
    assertThat(progress.getInt("done") + progress.getInt("failed"))
        .isLessThan(progress.getInt("expected"));
    assertThat(page.findElement(By.id("batch-restart")).isEnabled()).isTrue();
    assertThat(page.findElement(By.cssSelector(PAGE_PROBLEM)).getText()).isEmpty();
  }

  @Test
  void theOverviewShowsALaneWithWaitingCallsWhileTheSimulatorIsSlow() throws Exception {
    HttpResponse<String> narrowed =
        admin()
            .send(
                HttpRequest.newBuilder(admin().resolve(lanePath()))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"maxInFlight\":1}")));
    assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
    Map<String, String> answers = new LinkedHashMap<>();
    try {
      for (int i = 0; i < 4; i++) {
        String chat = chat("sim-small");
        answers.put(chat, ask(chat, "Take your time [sim:first-token=6000 tokens=8]"));
      }
      WebDriver page = signedInAsAdmin();
      awaitLoaded("overview");
      By lane = By.cssSelector("#lanes tr[data-lane='" + SLOW_LANE + "']");
      browser.await(
          60, d -> Integer.parseInt(d.findElement(lane).getAttribute("data-waiting")) > 0);
      browser.screenshot("admin-overview-waiting");
      WebElement row = page.findElement(lane);
      assertThat(Integer.parseInt(row.getAttribute("data-in-flight"))).isLessThanOrEqualTo(1);
      assertThat(row.findElement(By.cssSelector("td")).getText()).matches("\\d+ / 1");
      assertThat(row.getText()).contains("normal");
    } finally {
      answers.forEach(this::cancel);
      HttpResponse<String> restored =
          admin().send(HttpRequest.newBuilder(admin().resolve(lanePath())).DELETE());
      assertThat(restored.statusCode()).as(restored.body()).isBetween(200, 204);
    }
  }

  @Test
  void aRefusedLaneBudgetIsShownNextToItsField() throws Exception {
    WebDriver page = signedInAsAdmin();
    browser.open(base + "admin/#/providers");
    awaitLoaded("providers");
    String form = "form[data-lane='" + SLOW_LANE + "']";
    WebElement details =
        browser.await(
            20, d -> d.findElement(By.xpath("//form[@data-lane='" + SLOW_LANE + "']/..")));
    details.findElement(By.tagName("summary")).click();
    WebElement maxInFlight = page.findElement(By.cssSelector(form + " [data-field='maxInFlight']"));
    maxInFlight.clear();
    maxInFlight.sendKeys("0");
    page.findElement(By.cssSelector(form + " button[type='submit']")).click();

    WebElement error = page.findElement(By.id(maxInFlight.getAttribute("aria-describedby")));
    browser.await(20, d -> !error.getText().isBlank());
    assertThat(maxInFlight.getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshot("admin-providers-refused");
    JsonObject lane = providerLane(SLOW_LANE);
    assertThat(!lane.containsKey("override") || lane.isNull("override"))
        .as("lane after a refused change: " + lane)
        .isTrue();
  }

  // --- the browser ---

  private WebDriver signedInAsAdmin() {
    return browser.signIn(base + "admin/", Credentials.admin());
  }

  /** Waits until the page has shown its first answer, or fails with the error it shows instead. */
  private void awaitLoaded(String route) {
    browser.await(
        30,
        d -> {
          WebElement main = d.findElement(By.id("page"));
          if (!route.equals(main.getAttribute("data-page"))) {
            return false;
          }
          String problem =
              d.findElements(By.cssSelector(PAGE_PROBLEM)).stream()
                  .map(WebElement::getText)
                  .filter(text -> !text.isBlank())
                  .findFirst()
                  .orElse("");
          assertThat(problem).as("the " + route + " page's error").isEmpty();
          return "true".equals(main.getAttribute("data-loaded"));
        });
  }

  private static double progressOf(WebDriver page, By bar) {
    List<WebElement> found = page.findElements(bar);
    return found.isEmpty() ? -1 : Double.parseDouble(found.get(0).getAttribute("value"));
  }

  private static Double positive(double value) {
    return value > 0 ? value : null;
  }

  /** The console as a browser asks for it (a page, not an API call). */
  private static HttpRequest.Builder consolePage(Http http) {
    return HttpRequest.newBuilder(http.resolve("/admin/")).header("Accept", "text/html").GET();
  }

  // --- the API ---

  /** A batch of {@code n} slow documents (demo's), two partitions, two calls at a time. */
  private String slowBatch(int n) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    for (int i = 0; i < n; i++) {
      String body =
          Json.createObjectBuilder()
              .add("title", "Console batch doc " + i + " " + UUID.randomUUID())
              .add("text", "Slow text [sim:first-token=800] number " + i + ".")
              .build()
              .toString();
      HttpResponse<String> created = demo().postJson("/api/documents", body);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      ids.add(Http.json(created).asJsonObject().getString("id"));
    }
    String request =
        Json.createObjectBuilder()
            .add("documentIds", ids)
            .add("analyses", Json.createArrayBuilder().add("summary"))
            .add("partitions", 2)
            .add("maxConcurrency", 2)
            .build()
            .toString();
    HttpResponse<String> submitted = demo().postJson("/api/batches", request);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    return Http.json(submitted).asJsonObject().getString("id");
  }

  private JsonObject batch(String id) {
    HttpResponse<String> response = admin().get("/api/admin/batches/" + id);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).asJsonObject();
  }

  private String chat(String model) {
    HttpResponse<String> created =
        demo().postJson("/api/chats", "{\"title\":\"Console lane\",\"model\":\"" + model + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).asJsonObject().getString("id");
  }

  /** Asks a question at normal priority; returns the answer's id. */
  private String ask(String chat, String question) {
    String body =
        Json.createObjectBuilder()
            .add("content", question)
            .add("priority", "normal")
            .build()
            .toString();
    HttpResponse<String> posted = demo().postJson("/api/chats/" + chat + "/messages", body);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    return Http.json(posted).asJsonObject().getJsonObject("assistantMessage").getString("id");
  }

  /** Cancels an answer still running (409 when it has ended: nothing to do). */
  private void cancel(String chat, String answer) {
    HttpResponse<String> response =
        demo().post("/api/chats/" + chat + "/messages/" + answer + "/cancel");
    assertThat(response.statusCode()).as(response.body()).isIn(200, 202, 204, 409);
  }

  /** One lane as GET /api/admin/providers shows it. */
  private JsonObject providerLane(String name) {
    HttpResponse<String> response = admin().get("/api/admin/providers");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).asJsonArray().getValuesAs(JsonObject.class).stream()
        .flatMap(p -> p.getJsonArray("lanes").getValuesAs(JsonObject.class).stream())
        .filter(l -> l.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no lane " + name + ": " + response.body()));
  }

  private static String lanePath() {
    return "/api/admin/lanes/" + SLOW_LANE;
  }

  private Http admin() {
    return new Http(base).as(Credentials.admin());
  }

  private Http demo() {
    return new Http(base).as(Credentials.demo());
  }
}
