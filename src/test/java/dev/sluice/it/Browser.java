package dev.sluice.it;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its chromedriver, for the browser tests: one browser per
 * test class, registered as {@code @RegisterExtension static final Browser browser = new
 * Browser();}. Without the browser the tests are skipped, unless {@code sluice.browser.required}
 * (set by {@code .ci/run}, which installs it) makes that a failure. {@code sluice.browser.skip}
 * skips them on purpose: {@code .ci/run} runs the pages once per server, on H2, since on PostgreSQL
 * they would show the same REST answers, which the other tests check there.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback {

  /** How long a page may take to load; Sluice's pages load in well under a second here. */
  private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

  private ChromeDriver driver;
  private Path profile;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    assumeFalse(Boolean.getBoolean("sluice.browser.skip"), "browser tests skipped on this pass");
    Path chromium = Path.of(System.getProperty("sluice.browser.chromium", "/usr/bin/chromium"));
    Path chromedriver =
        Path.of(System.getProperty("sluice.browser.chromedriver", "/usr/bin/chromedriver"));
    boolean installed = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
    if (!installed && Boolean.getBoolean("sluice.browser.required")) {
      throw new IllegalStateException(
          "browser tests need "
              + chromium
              + " and "
              + chromedriver
              + " (apt-get install chromium chromium-driver)");
    }
    assumeTrue(installed, "no chromium/chromedriver on this machine: browser test skipped");
    profile = Files.createTempDirectory("sluice-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--disable-component-update",
        "--disable-sync",
        // A page in a headless window is never in front: keep Chromium from slowing its timers
        // and its renderer as it would a tab in the background.
        "--disable-background-timer-throttling",
        "--disable-backgrounding-occluded-windows",
        "--disable-renderer-backgrounding",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
  }

  /**
   * Opens {@code url}. Chromium 156 headless now and then never finishes loading a page: seen in CI
   * as a navigation to the chat page still waiting after chromedriver's 300 s, while the server
   * logged nothing and answered every other request. A load that takes longer than {@link
   * #PAGE_LOAD} is stopped and tried once more; a second hang fails the test.
   */
  void open(String url) {
    try {
      driver.get(url);
    } catch (org.openqa.selenium.TimeoutException e) {
      System.err.println(
          "Browser: loading " + url + " took over " + PAGE_LOAD + "; loading it once more");
      driver.get(url);
    }
  }

  WebDriver driver() {
    return driver;
  }

  /** Waits up to {@code seconds} for {@code condition} to hold (be non-null and not false). */
  <T> T await(int seconds, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition::apply);
  }

  /**
   * As {@link #await(int, Function)}, and when it times out the failure also says what {@code
   * state} reads then (the server's view, say), so a run that fails on CI tells why.
   */
  <T> T await(int seconds, Function<WebDriver, T> condition, Supplier<String> state) {
    try {
      return await(seconds, condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          e.getMessage().lines().findFirst().orElse("") + "; then: " + state.get(), e);
    }
  }

  /**
   * Opens {@code url} signed out, signs in on the page it is sent to as {@code who} and waits until
   * the page it came back to names the user.
   */
  WebDriver signIn(String url, Credentials who) {
    driver.manage().deleteAllCookies();
    open(url);
    await(20, d -> d.getCurrentUrl().contains("/signin.html"));
    driver.findElement(By.id("username")).sendKeys(who.user());
    driver.findElement(By.id("password")).sendKeys(who.password(), Keys.ENTER);
    await(20, d -> d.findElement(By.id("me")).getText().equals(who.user()));
    return driver;
  }

  /** Lets pages of {@code origin} write and read the clipboard without asking (headless). */
  void grantClipboard(String origin) {
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        java.util.Map.of(
            "origin",
            origin,
            "permissions",
            java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
  }

  /** Runs asynchronous JavaScript; it hands its result to its last argument, a callback. */
  Object asyncScript(String javascript, Object... args) {
    return driver.executeAsyncScript(javascript, args);
  }

  Object script(String javascript, Object... args) {
    return driver.executeScript(javascript, args);
  }

  /** Saves what the page looks like now under {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) throws IOException {
    Path directory = Path.of(System.getProperty("sluice.screenshots", "target/screenshots"));
    Files.createDirectories(directory);
    Path file = directory.resolve(name + ".png");
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(),
        file,
        StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver == null) {
      return; // skipped: no browser on this machine
    }
    // Chromium 156 now and then hangs on its way out (an on-device-model service starting as it
    // quits), and chromedriver's quit then waits for ever on the pipe the browser still holds:
    // quit on the side, and after a while end whatever still runs on this browser's profile.
    CompletableFuture<Void> quit = CompletableFuture.runAsync(driver::quit);
    try {
      quit.get(30, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      endBrowserProcesses();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      endBrowserProcesses();
    }
    try (var files = Files.walk(profile)) {
      files
          .sorted(java.util.Comparator.reverseOrder())
          .map(Path::toFile)
          .forEach(java.io.File::delete);
    }
  }

  /** Kills the processes started with this browser's profile, and theirs. */
  private void endBrowserProcesses() {
    String marker = "--user-data-dir=" + profile;
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
        .forEach(
            p -> {
              p.descendants().forEach(ProcessHandle::destroyForcibly);
              p.destroyForcibly();
            });
  }
}
