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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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
        // Rendered as Markdown: a paragraph's text, without the line break after it.
        const text = last ? last.textContent.trim() : null;
        if (last && window.__seen[window.__seen.length - 1] !== text) {
          window.__seen.push(text);
        }
      }).observe(document.getElementById('messages'),
                 {childList: true, subtree: true, characterData: true});
      """;

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @RegisterExtension static final Browser browser = new Browser();

  @Test
  void signsInSendsAMessageAndWatchesTheAnswerStream() throws Exception {
    WebDriver page = signedIn();
    String chatId = newChat("Browser chat " + UUID.randomUUID().toString().substring(0, 8));

    browser.script(WATCH_ANSWERS);
    ask("How does a sluice gate work? [sim:plain tokens=60 delay=40]");
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
    ask("Tell me a long story [sim:plain tokens=80 delay=50]");
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
    return steps().signedIn();
  }

  private String newChat(String title) {
    return steps().newChat(title);
  }

  private void ask(String question) {
    steps().ask(question);
  }

  private String awaitAnswer(String status) {
    return steps().awaitAnswer(status);
  }

  private String lastAnswerText() {
    return steps().lastAnswerText();
  }

  private JsonObject storedAnswer(String chatId) {
    return steps().storedAnswer(chatId);
  }

  private ChatPageSteps steps() {
    return new ChatPageSteps(browser, base);
  }

  @SuppressWarnings("unchecked")
  private List<String> seen() {
    return (List<String>) browser.script("return window.__seen");
  }
}
