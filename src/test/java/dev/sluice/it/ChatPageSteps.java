package dev.sluice.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What the browser tests do on the chat page: sign in, start a chat, ask, wait for answers. */
final class ChatPageSteps {

  private final Browser browser;
  private final URL base;

  ChatPageSteps(Browser browser, URL base) {
    this.browser = browser;
    this.base = base;
  }

  WebDriver signedIn() {
    return browser.signIn(base + "chat/", Credentials.demo());
  }

  /** Starts a chat from the keyboard: its title, then Enter; returns its id. */
  String newChat(String title) {
    WebDriver page = browser.driver();
    page.findElement(By.id("new-title")).sendKeys(title, Keys.ENTER);
    browser.await(20, d -> d.findElement(By.id("chat-title")).getText().equals(title));
    browser.await(20, d -> d.getCurrentUrl().contains("#chat="));
    String url = page.getCurrentUrl();
    return url.substring(url.indexOf("#chat=") + "#chat=".length());
  }

  /** Types a question into the composer and sends it with Enter (Shift+Enter for its newlines). */
  void ask(String question) {
    WebElement composer = browser.driver().findElement(By.id("content"));
    String[] lines = question.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        composer.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
      }
      composer.sendKeys(lines[i]);
    }
    composer.sendKeys(Keys.ENTER);
  }

  /** Waits until {@code count} answers have ended as {@code status}; the newest one's element. */
  WebElement awaitAnswers(int count, String status) {
    By ended = By.cssSelector(".message.assistant[data-status='" + status + "']");
    browser.await(30, d -> d.findElements(ended).size() >= count);
    return lastAnswer();
  }

  String awaitAnswer(String status) {
    awaitAnswers(1, status);
    return lastAnswerText();
  }

  WebElement lastAnswer() {
    List<WebElement> answers = browser.driver().findElements(By.cssSelector(".message.assistant"));
    return answers.get(answers.size() - 1);
  }

  String lastAnswerText() {
    List<WebElement> answers =
        browser.driver().findElements(By.cssSelector(".message.assistant .content"));
    return answers.isEmpty() ? "" : answers.get(answers.size() - 1).getText();
  }

  JsonArray storedMessages(String chatId) {
    return Http.json(
            new Http(base).as(Credentials.demo()).get("/api/chats/" + chatId + "/messages"))
        .asJsonArray();
  }

  JsonObject storedAnswer(String chatId) {
    JsonArray messages = storedMessages(chatId);
    return messages.getJsonObject(messages.size() - 1);
  }
}
