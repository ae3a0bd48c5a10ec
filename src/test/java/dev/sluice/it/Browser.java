package dev.sluice.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its chromedriver, for the browser tests. Without the
 * browser the tests are skipped, unless {@code sluice.browser.required} (set by {@code .ci/run},
 * which installs it) makes that a failure.
 */
final class Browser implements AutoCloseable {

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start() throws IOException {
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
    Path profile = Files.createTempDirectory("sluice-chromium");
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
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  WebDriver driver() {
    return driver;
  }

  /** Waits up to {@code seconds} for {@code condition} to hold (be non-null and not false). */
  <T> T await(int seconds, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition::apply);
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
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files
          .sorted(java.util.Comparator.reverseOrder())
          .map(Path::toFile)
          .forEach(java.io.File::delete);
    }
  }
}
