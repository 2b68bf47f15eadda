package com.tickethub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tickethub.local.server.LocalServer;
import com.tickethub.local.server.Options;
import com.tickethub.local.stack.ProjectRoot;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' world, started once per test JVM: the local server (in memory, on a free port, serving the
 * built web/dist) and one headless Debian Chromium driven through Debian's chromedriver (no driver download).
 * Helpers find things as a person would: fields by their label, buttons and links by their text.
 */
final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Browser instance;

  final LocalServer server;
  final WebDriver driver;
  final URI base;
  private final Path screenshots;

  private Browser(LocalServer server, WebDriver driver) {
    this.server = server;
    this.driver = driver;
    this.base = server.baseUri();
    this.screenshots = Path.of(System.getProperty("tickethub.screenshots", "target/screenshots"));
  }

  static synchronized Browser get() {
    if (instance == null) {
      if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
        throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
            + "apt-get install -y chromium chromium-driver (.ci/run does it)");
      }
      LocalServer server = LocalServer.start(Options.inMemory(ProjectRoot.find()), Map.of());
      WebDriver driver = chromium();
      instance = new Browser(server, driver);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        driver.quit();
        server.close();
      }, "browser-tests-stop"));
    }
    return instance;
  }

  private static WebDriver chromium() {
    try {
      Path profile = Files.createTempDirectory("tickethub-chromium-");
      FakeCamera.showNothing();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      // The flags that work on these machines (no sandbox as root, no network but loopback).
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1200,900", "--lang=en-GB",
          // A camera that films what FakeCamera shows, granted without asking.
          "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
          "--use-file-for-fake-video-capture=" + FakeCamera.file(),
          "--user-data-dir=" + profile.toAbsolutePath());
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
      return new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ navigation and finding
  void open(String hashRoute) {
    driver.get(base.resolve("/#" + hashRoute).toString());
    waitFor(d -> d.findElements(By.cssSelector("main h1")).size() > 0);
  }

  /** Waits up to 30 s: the build machines are small and shared, and a page may wait on a cold function. */
  <T> T waitFor(Function<WebDriver, T> condition) {
    return waitFor(Duration.ofSeconds(30), condition);
  }

  <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout).until(condition::apply);
  }

  WebElement heading(String text) {
    return waitFor(d -> d.findElements(By.xpath("//main//*[self::h1 or self::h2 or self::h3][normalize-space()="
        + literal(text) + "]")).stream().findFirst().orElse(null));
  }

  /** The form control labelled {@code label}, as a screen reader names it. */
  WebElement field(String label) {
    return waitFor(d -> {
      for (WebElement l : d.findElements(By.xpath("//label[normalize-space()=" + literal(label) + "]"))) {
        String id = l.getAttribute("for");
        if (id != null) {
          return d.findElement(By.id(id));
        }
      }
      return null;
    });
  }

  /** The form control labelled {@code label} inside the fieldset whose legend is {@code group} ("Ticket type 2"). */
  WebElement field(String group, String label) {
    return waitFor(d -> d.findElements(By.xpath("//fieldset[legend[normalize-space()=" + literal(group) + "]]//label[normalize-space()="
        + literal(label) + "]")).stream().map(l -> d.findElement(By.id(l.getAttribute("for")))).findFirst().orElse(null));
  }

  WebElement button(String text) {
    return waitFor(d -> d.findElements(By.xpath("//button[normalize-space()=" + literal(text) + "]")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  WebElement link(String text) {
    return waitFor(d -> d.findElements(By.xpath("//a[normalize-space()=" + literal(text) + "]")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** Waits until the page shows {@code text} in an alert and returns the alert's text. */
  String alertContaining(String text) {
    return waitFor(d -> d.findElements(By.cssSelector("[role=alert]")).stream().map(WebElement::getText)
        .filter(t -> t.contains(text)).findFirst().orElse(null));
  }

  boolean pageContains(String text) {
    return driver.findElement(By.tagName("main")).getText().contains(text);
  }

  /** Types into a field as React sees it (also for date inputs, whose typing depends on the locale). */
  void fill(String label, String value) {
    fill(field(label), value);
  }

  void fill(WebElement element, String value) {
    ((JavascriptExecutor) driver).executeScript(
        "const el = arguments[0];"
            + "const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : el.tagName === 'SELECT' ? "
            + "HTMLSelectElement.prototype : HTMLInputElement.prototype;"
            + "Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);"
            + "el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));",
        element, value);
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  // ------------------------------------------------------------------ people
  /** Signs in through the page, as the developer sign-in of the local server. */
  void signIn(String name, String role) {
    if (!driver.getCurrentUrl().startsWith(base.toString())) {
      open("/"); // sessionStorage belongs to the app's origin
    }
    script("sessionStorage.clear()");
    open("/signin");
    fill("Name", name);
    driver.findElement(By.id("role-" + role)).click();
    button("Sign in").click();
    waitFor(d -> d.findElement(By.tagName("header")).getText().contains("Signed in as " + name));
  }

  /** The signed-in tab's bearer token, to fetch what a person would save (the ticket's PNG). */
  String token() {
    return (String) script("return JSON.parse(sessionStorage.getItem('tickethub.session')).token");
  }

  // ------------------------------------------------------------------ API calls a test makes beside the page
  byte[] getBytes(String path, String token) {
    try {
      HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).build();
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode(), path);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode getJson(String path, String token) {
    try {
      return JSON.readTree(getBytes(path, token));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ evidence
  /** Saves a screenshot of the page as target/screenshots/{@code name}.png (and where the build asks). */
  Path screenshot(String name) {
    try {
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(screenshots);
      Path file = screenshots.resolve(name + ".png");
      Files.write(file, png);
      String docs = System.getProperty("tickethub.docs.screenshots");
      if (docs != null && !docs.isBlank()) {
        Files.createDirectories(Path.of(docs));
        Files.write(Path.of(docs).resolve(name + ".png"), png);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core's serious and critical violations on the page as it is now. */
  List<String> seriousAccessibilityViolations() {
    Axe.inject(this);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
            + " help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))), e => done([{id: 'axe-error', impact: 'critical', help: String(e)}]));");
    List<String> serious = new ArrayList<>();
    for (Map<String, Object> v : violations) {
      if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
        serious.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"));
      }
    }
    return serious;
  }

  /** Screenshot and accessibility check of one page, named for the README. */
  void record(String name) {
    screenshot(name);
    List<String> serious = seriousAccessibilityViolations();
    assertEquals(List.of(), serious, "axe-core on " + name);
  }

  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
