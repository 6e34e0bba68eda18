package org.doudi.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A citizen's browser for API tests: own cookie jar, the anti-CSRF header on writes. */
public class CitizenClient {

  static final String BOUNDARY = "----citizen-test";

  public final String idNumber;
  public final String phone;
  private final int port;
  private final HttpClient client;

  public record Response(int status, String body, java.net.http.HttpHeaders headers) {}

  public CitizenClient(int port, String idNumber, String phone) {
    this.port = port;
    this.idNumber = idNumber;
    this.phone = phone;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  public Response requestCode() {
    return send("POST", "/api/citizen/sign-in/code", "{\"idNumber\":\"" + idNumber + "\",\"phone\":\"" + phone + "\"}",
        true);
  }

  public Response signInWith(String code) {
    return send("POST", "/api/citizen/sign-in", "{\"idNumber\":\"" + idNumber + "\",\"phone\":\"" + phone
        + "\",\"code\":\"" + code + "\"}", true);
  }

  public CitizenClient signIn() {
    SentCodes.listen();
    Response r = requestCode();
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    Response s = signInWith(SentCodes.last(phone));
    assertThat(s.status()).as(s.body()).isEqualTo(200);
    return this;
  }

  public Response get(String path) {
    return send("GET", path, null, false);
  }

  public Response post(String path, String json) {
    return send("POST", path, json, true);
  }

  public Response send(String method, String path, String json, boolean header) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (header) {
      b.header("X-Citizen-Request", "1");
    }
    if (json != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return exchange(b.build());
  }

  public Response upload(String pid, String materialType, String fileName, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"materialType\"\r\n\r\n" + materialType
        + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return exchange(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/citizen/cases/" + pid
        + "/documents")).header("X-Citizen-Request", "1")
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
  }

  private Response exchange(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
