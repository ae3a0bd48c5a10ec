package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Answers in Markdown on the chat page, in headless Chromium: rendered as they stream and settling
 * on the final text's rendering, code highlighted with a copy button, regenerate, edit and resend,
 * rename; and an answer written to attack the page runs nothing. The simulator's {@code [sim:say]}
 * directive makes the answer exactly the text after it. Screenshots go to {@code
 * target/screenshots}.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
class ChatMarkdownIT {

  private static final String CODE_AND_TABLE =
      """
      [sim:say delay=25]
      ## Two lanes

      The gate keeps **two** lanes:

      - chat, for people waiting
      - batch, for documents

      | Lane | Requests a minute |
      |------|-------------------|
      | chat | 60 |
      | batch | 30 |

      ```java
      final class Gate {
        boolean admit(String lane) { return !lane.isBlank(); }
      }
      ```

      See [the guide](https://example.org/guide) for more.""";

  /** Every way an answer could try to run script in the page; each would set window.__xss. */
  private static final String ATTACK =
      """
      [sim:say]
      <img src=x onerror="window.__xss='img'">
      <script>window.__xss='script'</script>
      <svg onload="window.__xss='svg'"></svg>
      <a href="javascript:window.__xss='raw-link'">raw link</a>

      [markdown link](javascript:window.__xss='md-link')
      [entity link](jav&#x61;script:window.__xss='entity-link')
      &lt;img src=x onerror="window.__xss='entity-img'"&gt;
      <IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>

      ![tracking pixel](http://127.0.0.1:9/pixel.png)""";

  /** Counts how often the newest answer's content was rendered again while it streamed. */
  private static final String COUNT_RENDERS =
      """
      window.__renders = 0;
      new MutationObserver((records) => {
        const rendered = records.some((r) => r.target.classList
            && r.target.classList.contains('markdown')
            && r.target.closest('.message').dataset.status === 'streaming');
        if (rendered) window.__renders++;
      }).observe(document.getElementById('messages'), {childList: true, subtree: true});
      """;

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @RegisterExtension static final Browser browser = new Browser();

  @Test
  void aStreamedAnswerRendersItsListTableAndHighlightedCodeAsItsFinalTextWould() throws Exception {
    steps().signedIn();
    String chatId = steps().newChat("Markdown " + UUID.randomUUID().toString().substring(0, 8));
    browser.script(COUNT_RENDERS);

    steps().ask(CODE_AND_TABLE);
    WebElement answer = steps().awaitAnswers(1, "completed");

    WebElement content = answer.findElement(By.cssSelector(".content"));
    assertThat(content.findElement(By.tagName("h2")).getText()).isEqualTo("Two lanes");
    assertThat(content.findElements(By.cssSelector("ul > li")))
        .extracting(WebElement::getText)
        .containsExactly("chat, for people waiting", "batch, for documents");
    assertThat(content.findElements(By.cssSelector("table tr"))).hasSize(3);
    assertThat(content.findElements(By.cssSelector("table td")))
        .extracting(WebElement::getText)
        .containsExactly("chat", "60", "batch", "30");
    WebElement code = content.findElement(By.cssSelector(".code-block pre code.hljs"));
    assertThat(code.findElements(By.cssSelector("span.hljs-keyword"))).isNotEmpty();
    assertThat(content.findElement(By.cssSelector(".code-head")).getText()).startsWith("java");
    WebElement link = content.findElement(By.linkText("the guide"));
    assertThat(link.getAttribute("target")).isEqualTo("_blank");
    assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");

    assertThat(browser.driver().findElement(By.id("messages")).getAttribute("aria-live"))
        .as("chunks are not read out one by one")
        .isNull();
    assertThat(browser.driver().findElement(By.id("announcer")).getAttribute("textContent"))
        .as("the answer announced once it has ended")
        .startsWith("Answer: Two lanes");
    String stored = steps().storedAnswer(chatId).getString("content");
    assertThat(stored).startsWith("## Two lanes").endsWith("for more.");
    assertThat(content.getAttribute("innerHTML"))
        .as("the streamed rendering settles on the final text's")
        .isEqualTo(renderedAtOnce(stored));
    int renders = ((Number) browser.script("return window.__renders")).intValue();
    int tokens = steps().storedAnswer(chatId).getInt("outputTokens");
    assertThat(renders)
        .as("renders while streaming (%d tokens)", tokens)
        .isGreaterThanOrEqualTo(2)
        .isLessThan(tokens);
    browser.script(
        "arguments[0].scrollIntoView({block: 'center'})",
        content.findElement(By.cssSelector(".code-block")));
    browser.screenshot("chat-code-answer");
    browser.script(
        "arguments[0].scrollIntoView({block: 'center'})", content.findElement(By.tagName("table")));
    browser.screenshot("chat-table-answer");
  }

  @Test
  void theSimulatorAnswersProseInMarkdownAsARealModelWould() throws Exception {
    steps().signedIn();
    steps().newChat("Simulated prose");
    steps().ask("How do sluice gates share water? [sim:tokens=200 delay=1]");
    WebElement content =
        steps().awaitAnswers(1, "completed").findElement(By.cssSelector(".content"));

    assertThat(content.findElements(By.tagName("h2"))).hasSize(1);
    assertThat(content.findElements(By.cssSelector("ul > li")).size()).isBetween(2, 4);
    assertThat(content.getText()).doesNotContain("## ").doesNotContain("\n- ");
  }

  @Test
  void theCopyButtonPutsTheCodeOnTheClipboard() throws Exception {
    steps().signedIn();
    browser.grantClipboard(origin());
    steps().newChat("Copy code");
    steps().ask(CODE_AND_TABLE.replace("delay=25", "delay=1"));
    WebElement answer = steps().awaitAnswers(1, "completed");

    WebElement copy = answer.findElement(By.cssSelector(".code-block .copy-code"));
    copy.click();
    browser.await(10, d -> copy.getText().equals("Copied"));

    assertThat(clipboard())
        .isEqualTo(
            "final class Gate {\n"
                + "  boolean admit(String lane) { return !lane.isBlank(); }\n"
                + "}\n");
    answer.findElement(By.cssSelector(".copy-answer")).click();
    browser.await(10, d -> clipboard().startsWith("## Two lanes"));
  }

  @Test
  void regenerateAndEditMakeNewAnswersAndKeepTheOldOnes() throws Exception {
    WebDriver page = steps().signedIn();
    String chatId = steps().newChat("Versions");
    steps().ask("[sim:say delay=1]first answer");
    WebElement first = steps().awaitAnswers(1, "completed");

    first.findElement(By.cssSelector(".regenerate")).click();
    WebElement second = steps().awaitAnswers(2, "completed");
    // The socket may show the new answer before the regenerate call has returned it.
    browser.await(
        10, d -> second.findElement(By.cssSelector(".version")).getText().equals("regenerated"));
    assertThat(first.getAttribute("class")).contains("replaced");
    browser.await(10, d -> !first.findElement(By.cssSelector(".regenerate")).isDisplayed());

    WebElement question = page.findElement(By.cssSelector(".message.user"));
    question.findElement(By.cssSelector(".edit")).click();
    WebElement editor = question.findElement(By.cssSelector(".edit-form textarea"));
    editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "[sim:say delay=1]edited answer", Keys.ENTER);
    WebElement third = steps().awaitAnswers(3, "completed");
    assertThat(third.findElement(By.cssSelector(".content")).getText()).isEqualTo("edited answer");

    JsonArray stored = steps().storedMessages(chatId);
    assertThat(stored.stream().map(v -> v.asJsonObject().getString("role")))
        .containsExactly("user", "assistant", "assistant", "user", "assistant");
    assertThat(stored.getJsonObject(2).getInt("replaces")).isEqualTo(2);
    assertThat(stored.getJsonObject(3).getInt("replaces")).isEqualTo(1);
    assertThat(stored.getJsonObject(3).getString("content"))
        .isEqualTo("[sim:say delay=1]edited answer");
    browser.await(10, d -> d.findElements(By.cssSelector(".message.replaced")).size() == 3);

    page.findElement(By.id("rename-chat")).click();
    WebElement title = page.findElement(By.id("rename-title"));
    title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Renamed chat", Keys.ENTER);
    browser.await(10, d -> d.findElement(By.id("chat-title")).getText().equals("Renamed chat"));
    assertThat(page.findElement(By.cssSelector("#chat-list button[aria-current='true']")).getText())
        .isEqualTo("Renamed chat");
    assertThat(
            Http.json(new Http(base).as(Credentials.demo()).get("/api/chats/" + chatId))
                .asJsonObject()
                .getString("title"))
        .isEqualTo("Renamed chat");
  }

  @Test
  void anAnswerWrittenToAttackThePageRunsNothingAndShowsItsText() throws Exception {
    WebDriver page = steps().signedIn();
    steps().newChat("Hostile answer");
    steps().ask(ATTACK);
    WebElement content =
        steps().awaitAnswers(1, "completed").findElement(By.cssSelector(".content"));
    for (WebElement link : content.findElements(By.tagName("a"))) {
      if (link.getAttribute("href") == null) {
        link.click(); // what was a javascript: link: must do nothing
      }
    }

    assertThat(browser.script("return window.__xss === undefined ? null : window.__xss"))
        .as("what the payload set")
        .isNull();
    assertThat(content.findElements(By.cssSelector("img, script, svg, iframe"))).isEmpty();
    assertThat(content.findElements(By.cssSelector("a")))
        .allSatisfy(
            a -> {
              String href = a.getAttribute("href");
              assertThat(href == null || href.startsWith("http")).as("href %s", href).isTrue();
            });
    assertThat(content.getText())
        .contains("<img src=x onerror=\"window.__xss='img'\">")
        .contains("<script>window.__xss='script'</script>")
        .contains("image: tracking pixel");
    @SuppressWarnings("unchecked")
    List<String> loaded =
        (List<String>)
            browser.script(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => n.includes('pixel'))");
    assertThat(loaded).as("images the answer names are not fetched").isEmpty();
    assertThat(page.findElement(By.cssSelector(".message.user .content")).getText())
        .contains("<img src=x onerror=");
    browser.screenshot("chat-hostile-answer");
  }

  private String renderedAtOnce(String text) {
    return (String)
        browser.script(
            "const d = document.createElement('div');"
                + " window.sluiceChat.renderMarkdown(d, arguments[0]); return d.innerHTML;",
            text);
  }

  private String clipboard() {
    return (String)
        browser.asyncScript(
            "const done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, e => done('refused: ' + e));");
  }

  private String origin() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }

  private ChatPageSteps steps() {
    return new ChatPageSteps(browser, base);
  }
}
