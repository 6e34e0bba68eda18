package org.doudi.checkplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.math.BigDecimal;
import org.doudi.checkplatform.internal.HttpCheckPlatform;
import org.doudi.eligibility.TestIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against a real local HTTP server (JDK HttpServer) playing the provincial platform. */
class HttpCheckPlatformTest {

  static final String APPLICANT = TestIds.id("220122", "19500101", "001");

  HttpServer server;
  final AtomicReference<String> receivedBody = new AtomicReference<>();
  final AtomicReference<String> receivedPath = new AtomicReference<>();
  volatile int status = 200;
  volatile String answer;
  final CountDownLatch release = new CountDownLatch(1);
  volatile boolean hang;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/platform", exchange -> {
      receivedPath.set(exchange.getRequestURI().getPath());
      receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (hang) {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(status, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  HttpCheckPlatform client(Duration readTimeout) {
    return new HttpCheckPlatform("http://127.0.0.1:" + server.getAddress().getPort() + "/platform/",
        Duration.ofSeconds(2), readTimeout, Clock.systemUTC());
  }

  static CheckRequest request(boolean authorised) {
    return new CheckRequest("7", authorised,
        List.of(new CheckRequest.Member(APPLICANT, "张三", Map.of("WAGE", new BigDecimal("300")))),
        List.of(new CheckRequest.DeclaredAsset("DEPOSIT", "活期", new BigDecimal("3000"))));
  }

  @Test
  void sendsOnlyIdsAndNamesAndComparesTheAnswer() throws Exception {
    answer = """
        {"reference":"HD-2026-0001","persons":[{"idNumber":"%s","name":"张三","monthlyIncome":{"WAGE":1500.00}}],
         "assets":[{"ownerIdNumber":"%s","type":"DEPOSIT","description":"某银行","value":3000.00}]}"""
        .formatted(APPLICANT, APPLICANT);
    CheckResult r = client(Duration.ofSeconds(5)).check(request(true));
    assertThat(receivedPath.get()).isEqualTo("/platform/checks");
    JsonNode sent = new ObjectMapper().readTree(receivedBody.get());
    assertThat(sent.path("requestId").asText()).isEqualTo("7");
    assertThat(sent.path("authorised").asBoolean()).isTrue();
    assertThat(sent.path("persons").get(0).path("idNumber").asText()).isEqualTo(APPLICANT);
    assertThat(receivedBody.get()).doesNotContain("WAGE").doesNotContain("3000");
    assertThat(r.reference()).isEqualTo("HD-2026-0001");
    assertThat(r.passed()).isFalse();
    assertThat(r.discrepancies()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("members[0].monthlyIncome.WAGE");
      assertThat(d.material()).isTrue();
    });
  }

  @Test
  void aMatchingAnswerPasses() {
    answer = """
        {"reference":"HD-2","persons":[{"idNumber":"%s","name":"张三","monthlyIncome":{"WAGE":320}}],"assets":[]}"""
        .formatted(APPLICANT);
    CheckResult r = client(Duration.ofSeconds(5)).check(request(true));
    // 20 yuan more wages (within tolerance) and less deposit found than declared: recorded, not material
    assertThat(r.passed()).isTrue();
    assertThat(r.discrepancies()).hasSize(2).noneMatch(CheckResult.Discrepancy::material);
  }

  @Test
  void serverErrorIsATechnicalFailure() {
    status = 503;
    answer = "{\"error\":\"maintenance\"}";
    assertThatThrownBy(() -> client(Duration.ofSeconds(5)).check(request(true)))
        .isInstanceOf(CheckPlatformUnavailableException.class).hasMessageContaining("答复 HTTP 503")
        .hasMessageContaining("稍后重试");
  }

  @Test
  void anIncompleteAnswerIsATechnicalFailure() {
    answer = "{\"persons\":[]}";
    assertThatThrownBy(() -> client(Duration.ofSeconds(5)).check(request(true)))
        .isInstanceOf(CheckPlatformUnavailableException.class).hasMessageContaining("reference");
    answer = "<html>gateway</html>";
    assertThatThrownBy(() -> client(Duration.ofSeconds(5)).check(request(true)))
        .isInstanceOf(CheckPlatformUnavailableException.class).hasMessageContaining("不是约定的格式");
    answer = "{\"reference\":\"HD-3\",\"persons\":[{\"idNumber\":";
    assertThatThrownBy(() -> client(Duration.ofSeconds(5)).check(request(true)))
        .isInstanceOf(CheckPlatformUnavailableException.class).hasMessageContaining("不是约定的格式");
  }

  @Test
  void aSlowPlatformTimesOut() {
    hang = true;
    answer = "{}";
    assertThatThrownBy(() -> client(Duration.ofMillis(300)).check(request(true)))
        .isInstanceOf(CheckPlatformUnavailableException.class).hasMessageContaining("超时");
  }

  @Test
  void anUnreachablePlatformIsATechnicalFailure() {
    HttpCheckPlatform c = client(Duration.ofSeconds(1));
    server.stop(0);
    assertThatThrownBy(() -> c.check(request(true))).isInstanceOf(CheckPlatformUnavailableException.class)
        .hasMessageContaining("无法连接");
  }

  @Test
  void withoutAuthorisationNothingIsSent() {
    answer = "{}";
    assertThatThrownBy(() -> client(Duration.ofSeconds(5)).check(request(false)))
        .isInstanceOf(CheckNotAuthorisedException.class);
    assertThat(receivedBody.get()).isNull();
  }
}
