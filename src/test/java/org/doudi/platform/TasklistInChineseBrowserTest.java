package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's login page rendered by a real browser (Debian's headless Chromium): Chinese for a browser
 * asking for zh-CN, English for en-US. Required in CI; elsewhere skipped when Chromium is not installed.
 */
@DoudiTest
class TasklistInChineseBrowserTest {

  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  @LocalServerPort int port;

  @Test
  void theLoginPageSpeaksChineseToChineseBrowsers() throws Exception {
    String dom = render("zh-CN");
    assertThat(dom).contains("placeholder=\"用户名\"", "placeholder=\"密码\"").contains("登录");
  }

  @Test
  void englishStaysAvailable() throws Exception {
    assertThat(render("en-US")).contains("placeholder=\"Username\"", "placeholder=\"Password\"");
  }

  private String render(String language) throws Exception {
    boolean present = Files.isExecutable(CHROMIUM);
    if (System.getenv("CI") == null) {
      assumeTrue(present, "Chromium not installed (apt-get install chromium)");
    }
    assertThat(present).as("Chromium is required in CI at " + CHROMIUM).isTrue();
    Path profile = Files.createTempDirectory("chromium-profile");
    Path out = Files.createTempFile("tasklist", ".html");
    List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--lang=" + language, "--accept-lang=" + language,
        "--virtual-time-budget=15000", "--dump-dom", "http://localhost:" + port + "/camunda/app/tasklist/");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
