package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver through Selenium. Both paths are set
 * explicitly, so Selenium Manager never looks for (or downloads) a browser or a driver. Required in CI
 * ({@code CI} set: a missing browser fails the test); elsewhere tests are skipped without them.
 * Paths can be overridden with {@code CHROMIUM} and {@code CHROMEDRIVER}.
 */
public final class Chromium {

  public static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  public static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Chromium() {}

  /** Skips outside CI when Chromium or its driver is missing; fails in CI. */
  public static void requireInstalled() {
    boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    if (System.getenv("CI") == null) {
      assumeTrue(present, "Chromium or chromedriver not installed (apt-get install chromium chromium-driver)");
    }
    assertThat(present).as("Chromium and chromedriver are required in CI at " + BINARY + " and " + DRIVER).isTrue();
  }

  /** A new headless browser asking for {@code language} (e.g. zh-CN) first. Quit it when done. */
  public static ChromeDriver start(String language) {
    requireInstalled();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--window-size=1400,1000", "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
