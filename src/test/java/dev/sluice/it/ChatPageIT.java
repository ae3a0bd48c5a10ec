package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * The chat page in headless Chromium: sign in through the page, start a chat with the keyboard,
 * send a question and watch the answer stream in; drop the page's socket mid-answer and see it
 * re-attach without losing or repeating text. Screenshots go to {@code target/screenshots}.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
class ChatPageIT {

  /** Records every text the newest answer shows, to tell a stream from a text shown at once. */
  private static final String WATCH_ANSWERS =
      """
      window.__seen = [];
      new MutationObserver(() => {
        const answers = document.querySelectorAll('.message.assistant .content');
        const last = answers[answers.length - 1];
        if (last && window.__seen[window.__seen.length - 1] !== last.textContent) {
          window.__seen.push(last.textContent);
        }
      }).observe(document.getElementById('messages'),
                 {childList: true, subtree: true, characterData: true});
      """;

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  private static Browser browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void signsInSendsAMessageAndWatchesTheAnswerStream() throws Exception {
    WebDriver page = signedIn();
    String chatId = newChat("Browser chat " + UUID.randomUUID().toString().substring(0, 8));

    browser.script(WATCH_ANSWERS);
    ask("How does a sluice gate work? [sim:tokens=60 delay=40]");
    String shown = awaitAnswer("completed");
    browser.screenshot("chat-page");

    List<String> seen = seen();
    assertThat(seen.stream().filter(text -> !text.isEmpty() && !text.equals(shown)))
        .as("partial texts seen before the answer completed")
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(text -> assertThat(shown).startsWith(text));
    assertThat(shown).isEqualTo(storedAnswer(chatId).getString("content"));
    assertThat(page.findElement(By.cssSelector(".message.assistant .usage")).getText())
        .contains("tokens")
        .contains("$")
        .contains("first token");
  }

  @Test
  void reattachesAfterTheConnectionDropsWithoutLosingOrRepeatingText() throws Exception {
    signedIn();
    String chatId = newChat("Dropped connection");

    browser.script(WATCH_ANSWERS);
    ask("Tell me a long story [sim:tokens=80 delay=50]");
    browser.await(20, d -> !lastAnswerText().isEmpty());
    browser.script(
        "window.sluiceChat.state.stream.socket.close(4000, 'test drops the connection')");
    String shown = awaitAnswer("completed");
    browser.screenshot("chat-page-reattached");

    assertThat(
            ((Number) browser.script("return window.sluiceChat.state.stream.connects")).intValue())
        .as("connections opened")
        .isGreaterThanOrEqualTo(2);
    assertThat(seen()).allSatisfy(text -> assertThat(shown).startsWith(text));
    assertThat(shown).isEqualTo(storedAnswer(chatId).getString("content"));
  }

  private WebDriver signedIn() {
    WebDriver page = browser.driver();
    page.manage().deleteAllCookies();
    page.get(base.toString() + "chat/");
    browser.await(20, d -> d.getCurrentUrl().contains("/signin.html"));
    Credentials demo = Credentials.demo();
    page.findElement(By.id("username")).sendKeys(demo.user());
    page.findElement(By.id("password")).sendKeys(demo.password(), Keys.ENTER);
    browser.await(20, d -> d.findElement(By.id("me")).getText().equals(demo.user()));
    return page;
  }

  /** Starts a chat from the keyboard: its title, then Enter. */
  private String newChat(String title) {
    WebDriver page = browser.driver();
    page.findElement(By.id("new-title")).sendKeys(title, Keys.ENTER);
    browser.await(20, d -> d.findElement(By.id("chat-title")).getText().equals(title));
    browser.await(20, d -> d.getCurrentUrl().contains("#chat="));
    String url = page.getCurrentUrl();
    return url.substring(url.indexOf("#chat=") + "#chat=".length());
  }

  private void ask(String question) {
    browser.driver().findElement(By.id("content")).sendKeys(question, Keys.ENTER);
  }

  private String awaitAnswer(String status) {
    browser.await(
        30,
        d ->
            !d.findElements(By.cssSelector(".message.assistant[data-status='" + status + "']"))
                .isEmpty());
    return lastAnswerText();
  }

  private String lastAnswerText() {
    List<org.openqa.selenium.WebElement> answers =
        browser.driver().findElements(By.cssSelector(".message.assistant .content"));
    return answers.isEmpty() ? "" : answers.get(answers.size() - 1).getText();
  }

  @SuppressWarnings("unchecked")
  private List<String> seen() {
    return (List<String>) browser.script("return window.__seen");
  }

  private JsonObject storedAnswer(String chatId) {
    var messages =
        Http.json(new Http(base).as(Credentials.demo()).get("/api/chats/" + chatId + "/messages"))
            .asJsonArray();
    return messages.getJsonObject(messages.size() - 1);
  }
}
