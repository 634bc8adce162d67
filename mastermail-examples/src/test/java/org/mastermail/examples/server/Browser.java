package org.mastermail.examples.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs)
 * driven by Selenium. Outside CI a machine without them skips the browser tests; in CI their absence fails.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  final ChromeDriver driver;
  private final Path profile;
  private final String base;

  private Browser(String base) {
    this.base = base;
    try {
      profile = Files.createTempDirectory("mastermail-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--no-first-run", "--window-size=1400,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(PATIENCE);
  }

  /** A new browser for the server at {@code base} (such as {@code http://127.0.0.1:8080}). */
  static Browser open(String base) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(present, "Chromium and ChromeDriver are not installed (apt-get install chromium "
          + "chromium-driver); the browser tests are skipped outside CI");
    } else if (!present) {
      throw new IllegalStateException("CI needs " + CHROMIUM + " and " + DRIVER + ": .ci/run installs them");
    }
    return new Browser(base);
  }

  void go(String hash) {
    driver.get(base + "/" + hash);
  }

  void login(String email, String password) {
    go("");
    find(By.id("login-email")).sendKeys(email);
    find(By.id("login-password")).sendKeys(password);
    find(By.id("login-submit")).click();
    until(d -> !d.findElements(By.id("logout")).isEmpty());
  }

  void logout() {
    find(By.id("logout")).click();
    until(d -> !d.findElements(By.id("login-email")).isEmpty());
  }

  WebElement find(By by) {
    return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** The text of a shown element, read again when a live update redrew it between finding and reading. */
  String text(By by) {
    return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().map(WebElement::getText)
        .orElse(null));
  }

  /** Finds a shown element and clicks it, once more when a live update redrew it between the two. */
  void click(By by) {
    until(d -> {
      WebElement shown = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
      if (shown == null) {
        return null;
      }
      shown.click(); // a stale element throws before anything is clicked, and until tries again
      return true;
    });
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  <T> T until(Function<WebDriver, T> condition) {
    // a live update may redraw the page between finding an element and reading it
    try {
      return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
          .until(condition::apply);
    } catch (TimeoutException e) {
      Path shot = screenshot("timeout-" + System.currentTimeMillis());
      throw new TimeoutException(e.getMessage() + "\n  page: " + driver.getCurrentUrl() + "\n  screenshot: "
          + shot.toAbsolutePath() + "\n  text: " + driver.findElement(By.tagName("body")).getText(), e);
    }
  }

  /** The subjects of the listed conversations, once the list (or its empty note) is shown. */
  List<String> subjects() {
    // read in one go, again if a live update redraws the list meanwhile
    return until(d -> d.findElements(By.cssSelector("#conversations, #no-conversations")).isEmpty() ? null
        : d.findElements(By.cssSelector("#conversations tr.row a.subject")).stream().map(WebElement::getText)
            .toList());
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  /** Saves a PNG of the window to {@code target/screenshots/NAME.png}. */
  Path screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temp profile does no harm
      }
    }
  }
}
