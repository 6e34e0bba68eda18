package org.doudi.citizen.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.doudi.citizen.CodeSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Chooses the {@link CodeSender}: the SMS gateway when {@code doudi.citizen.sms.url} is set; else, in the demo
 * profile, the log (so that a demo user can sign in); else none that works — a request for a code answers 503 rather
 * than writing codes into a production log.
 */
@Configuration
class CodeSenders {

  @Bean
  @ConditionalOnMissingBean(CodeSender.class)
  CodeSender codeSender(Environment env, @Value("${doudi.citizen.sms.url:}") String url,
      @Value("${doudi.citizen.sms.token:}") String token,
      @Value("${doudi.citizen.sms.timeout:PT5S}") Duration timeout) {
    if (!url.isBlank()) {
      return new HttpSmsCodeSender(URI.create(url), token, timeout);
    }
    if (env.acceptsProfiles(Profiles.of("demo"))) {
      return new LogCodeSender();
    }
    return (phone, code, text) -> {
      throw new CodeSender.SendFailedException("未配置短信网关（doudi.citizen.sms.url）", null);
    };
  }

  /** Demo only: the code in the log, the phone masked. */
  static class LogCodeSender implements CodeSender {
    private static final Logger LOG = LoggerFactory.getLogger(LogCodeSender.class);

    @Override
    public void send(String phone, String code, String text) {
      LOG.info("演示短信 → {}：{}", phone.substring(0, 3) + "****" + phone.substring(7), text);
    }
  }

  /**
   * Posts {@code {"phone":…,"text":…}} as JSON to the gateway (with {@code Authorization: Bearer <token>} when a token
   * is set); any 2xx is delivered, anything else or no answer within the timeout is a failure.
   */
  static class HttpSmsCodeSender implements CodeSender {
    private final URI url;
    private final String token;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    HttpSmsCodeSender(URI url, String token, Duration timeout) {
      if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
        throw new IllegalArgumentException("doudi.citizen.sms.url must be an http(s) URL: " + url);
      }
      this.url = url;
      this.token = token;
      this.timeout = timeout;
      this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(String phone, String code, String text) {
      try {
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("phone", phone, "text", text))));
        if (token != null && !token.isBlank()) {
          req.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Void> r = client.send(req.build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 != 2) {
          throw new SendFailedException("短信网关答复 " + r.statusCode(), null);
        }
      } catch (java.io.IOException e) {
        throw new SendFailedException("短信网关无法连接", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SendFailedException("发送短信被中断", e);
      }
    }
  }
}
