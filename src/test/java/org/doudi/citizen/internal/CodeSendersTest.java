package org.doudi.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.doudi.citizen.CodeSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The SMS-gateway adapter against an in-process HTTP server, and the in-memory rate limits. */
class CodeSendersTest {

  HttpServer server;
  final List<String> bodies = new CopyOnWriteArrayList<>();
  final List<String> auth = new CopyOnWriteArrayList<>();
  final AtomicInteger answer = new AtomicInteger(200);

  @BeforeEach
  void gateway() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/sms", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      ex.sendResponseHeaders(answer.get(), -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
  }

  @Test
  void theGatewayReceivesPhoneAndTextAsJsonWithItsToken() {
    var sender = new CodeSenders.HttpSmsCodeSender(url(), "secret-token", Duration.ofSeconds(5));
    sender.send("13900000000", "123456", "您的登录验证码是123456");
    assertThat(bodies).singleElement().satisfies(b -> assertThat(b)
        .contains("\"phone\":\"13900000000\"", "\"text\":\"您的登录验证码是123456\""));
    assertThat(auth).containsExactly("Bearer secret-token");
  }

  @Test
  void aGatewayErrorOrNoGatewayIsAFailedSend() {
    answer.set(500);
    var sender = new CodeSenders.HttpSmsCodeSender(url(), "", Duration.ofSeconds(5));
    assertThatThrownBy(() -> sender.send("13900000000", "123456", "x"))
        .isInstanceOf(CodeSender.SendFailedException.class).hasMessageContaining("500");
    assertThat(auth).containsExactly("null");
    server.stop(0);
    assertThatThrownBy(() -> sender.send("13900000000", "123456", "x"))
        .isInstanceOf(CodeSender.SendFailedException.class);
  }

  @Test
  void onlyHttpUrlsAreAccepted() {
    assertThatThrownBy(() -> new CodeSenders.HttpSmsCodeSender(URI.create("file:///etc/passwd"), "",
        Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRateLimitRefusesWith429InChineseAndForgetsAfterAnHour() {
    Instant t0 = Instant.parse("2026-12-05T00:00:00Z");
    Clock[] now = {Clock.fixed(t0, ZoneOffset.UTC)};
    RateLimits limits = new RateLimits(new Clock() {
      public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
      public Clock withZone(java.time.ZoneId zone) { return this; }
      public Instant instant() { return now[0].instant(); }
    });
    for (int i = 0; i < 3; i++) {
      limits.take("sign-in ip 10.0.0.1", 3, "请求过于频繁，请稍后再试");
    }
    assertThatThrownBy(() -> limits.take("sign-in ip 10.0.0.1", 3, "请求过于频繁，请稍后再试"))
        .isInstanceOfSatisfying(CitizenRefusal.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
          assertThat(e.getMessage()).isEqualTo("请求过于频繁，请稍后再试");
        });
    limits.take("sign-in ip 10.0.0.2", 3, "x");
    now[0] = Clock.fixed(t0.plusSeconds(3601), ZoneOffset.UTC);
    limits.take("sign-in ip 10.0.0.1", 3, "x");
  }
}
