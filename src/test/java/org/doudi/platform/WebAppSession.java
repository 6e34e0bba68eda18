package org.doudi.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser's session with the Camunda web apps: Camunda's own login and CSRF token, then calls to
 * {@code /camunda/api/**} as the apps make them.
 */
public final class WebAppSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private final String base;
  private String csrf;

  private WebAppSession(int port) {
    this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
        .build();
    this.base = "http://localhost:" + port;
  }

  /** Logs in to the first of the apps the user may use; null when none lets the user in. */
  public static WebAppSession login(int port, String user, String... apps) {
    for (String app : apps) {
      WebAppSession s = new WebAppSession(port);
      if (s.tryLogin(user, app)) {
        return s;
      }
    }
    return null;
  }

  /** A session that never logged in (the anonymous browser). */
  public static WebAppSession anonymous(int port) {
    WebAppSession s = new WebAppSession(port);
    s.send("GET", "/camunda/app/tasklist/", null);
    return s;
  }

  private boolean tryLogin(String user, String app) {
    send("GET", "/camunda/app/" + app + "/", null);
    Http.Response r = sendForm("/camunda/api/admin/auth/user/default/login/" + app,
        "username=" + user + "&password=demo");
    if (r.status() != 200) {
      return false;
    }
    // the login starts a new session; its token comes with the login's answer, and a read as the web apps do next
    send("GET", "/camunda/api/admin/auth/user/default", null);
    return true;
  }

  public Http.Response send(String method, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    if (csrf != null) {
      b.header("X-XSRF-TOKEN", csrf);
    }
    if (json != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return exchange(b.build());
  }

  /** A multipart POST as a web-app page sends it: the session cookie, and the CSRF token when {@code withToken}. */
  public Http.Response postMultipart(String path, String contentType, byte[] body, boolean withToken) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (withToken && csrf != null) {
      b.header("X-XSRF-TOKEN", csrf);
    }
    return exchange(b.build());
  }

  /**
   * A request with a raw body, as a page inside the web apps sends it with {@code fetch}: the session's cookies, the
   * CSRF token header only if {@code withCsrfToken}, and any extra headers (e.g. a forged {@code Origin}).
   */
  public Http.Response sendRaw(String method, String path, String contentType, byte[] body,
      java.util.Map<String, String> headers, boolean withCsrfToken) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    if (withCsrfToken && csrf != null) {
      b.header("X-XSRF-TOKEN", csrf);
    }
    headers.forEach(b::setHeader);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return exchange(b.build());
  }

  private Http.Response sendForm(String path, String form) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (csrf != null) {
      b.header("X-XSRF-TOKEN", csrf);
    }
    return exchange(b.build());
  }

  private Http.Response exchange(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
          .ifPresent(c -> csrf = c.getValue());
      r.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> csrf = t);
      return new Http.Response(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    }
  }
}
