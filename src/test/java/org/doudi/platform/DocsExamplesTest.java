package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The JSON a reader copies from the documentation works. Convention (docs/operations.md, "Examples in the docs"): a
 * request example in {@code docs/*.md} is a fenced {@code json} block directly after the line
 * {@code <!-- request example: POST /api/… as <demo user> expects <status> -->}; this test posts each one (with fresh ID
 * numbers, so the benefit register does not refuse a second person of the same number) and checks the status. Every
 * other {@code json} block must at least be JSON. The request examples of the OpenAPI document are posted too, each as
 * the user named in {@link #OPENAPI_RUN}; those that would change data other tests share are only checked against
 * their request schema ({@link #OPENAPI_SCHEMA_ONLY}, with the reason).
 */
@DoudiTest
class DocsExamplesTest {

  static final Pattern MARKER = Pattern.compile(
      "<!-- request example: (POST|PUT|PATCH) (\\S+) as (\\S+) expects (\\d{3}) -->\\s*\\n```json\\n(.*?)```",
      Pattern.DOTALL);
  static final Pattern ANY_JSON = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
  static final Pattern ID_NUMBER = Pattern.compile(
      "(\"[A-Za-z]*[iI]d[Nn]umber\"\\s*:\\s*\")(\\d{14})(\\d{2})(\\d)[\\dXx](\")");
  static final AtomicInteger NEXT = new AtomicInteger(700);

  /** OpenAPI request examples that are posted: path → {user, expected status}. */
  static final Map<String, String[]> OPENAPI_RUN = Map.ofEntries(
      Map.entry("/api/applications", new String[] {"nongan-cw", "201"}),
      Map.entry("/api/eligibility/dibao", new String[] {"nongan-cw", "200"}),
      Map.entry("/api/eligibility/tekun", new String[] {"nongan-cw", "200"}),
      Map.entry("/api/tekun/applications", new String[] {"nongan-cw", "201"}),
      Map.entry("/api/temporary/emergencies", new String[] {"nongan-cw", "201"}),
      Map.entry("/api/unemployed/applications", new String[] {"baota", "201"}),
      Map.entry("/api/child/applications", new String[] {"nongan-cw", "201"}),
      Map.entry("/api/vagrants", new String[] {"na-county-cw", "201"}));

  /** OpenAPI request examples only checked against their schema, and why they are not posted. */
  static final Map<String, String> OPENAPI_SCHEMA_ONLY = Map.of(
      "/api/petitions", "names the concerned case by a placeholder (PROCESS_INSTANCE:…), which no running case matches",
      "/api/disability/applications", "the applicant's 残疾人证 must be in a household record of the same ID number",
      "/api/calendar/years", "replaces a year of the working-day calendar all tests share",
      "/api/funds/cpi", "a price-index figure that triggers adds a price subsidy for every recipient of the province",
      "/api/funds/recoveries", "needs a paid award of the example's beneficiary (HH-42), which the demo data lacks");

  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void everyJsonBlockOfTheDocsIsJson() throws IOException {
    List<String> bad = new ArrayList<>();
    int blocks = 0;
    for (Path md : docs()) {
      Matcher m = ANY_JSON.matcher(Files.readString(md, StandardCharsets.UTF_8));
      while (m.find()) {
        blocks++;
        try {
          json.readTree(m.group(1));
        } catch (IOException e) {
          bad.add(md + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    }
    assertThat(blocks).isGreaterThan(3);
    assertThat(bad).isEmpty();
  }

  @Test
  void theRequestExamplesOfTheDocsWork() throws IOException {
    List<String> failed = new ArrayList<>();
    int examples = 0;
    for (Path md : docs()) {
      Matcher m = MARKER.matcher(Files.readString(md, StandardCharsets.UTF_8));
      while (m.find()) {
        examples++;
        Http.Response r = http.send(m.group(3), m.group(1), m.group(2), freshIds(m.group(5)));
        if (r.status() != Integer.parseInt(m.group(4))) {
          failed.add(md.getFileName() + " " + m.group(1) + " " + m.group(2) + ": " + r.status() + " " + r.body());
        }
      }
    }
    assertThat(examples).as("marked request examples (docs/dibao.md has two)").isGreaterThanOrEqualTo(3);
    assertThat(failed).isEmpty();
  }

  @Test
  void theRequestExamplesOfTheOpenApiDocumentWork() throws IOException {
    JsonNode api = json.readTree(openApi());
    List<String> failed = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      JsonNode media = p.getValue().path("post").path("requestBody").path("content");
      for (Iterator<JsonNode> types = media.elements(); types.hasNext(); ) {
        JsonNode type = types.next();
        List<JsonNode> examples = new ArrayList<>();
        if (type.has("example")) {
          examples.add(type.get("example"));
        }
        type.path("examples").elements().forEachRemaining(e -> examples.add(e.path("value")));
        for (JsonNode example : examples) {
          String body = example.isTextual() ? example.asText() : example.toString();
          seen.add(p.getKey());
          JsonNode parsed;
          try {
            parsed = json.readTree(body);
          } catch (IOException e) {
            failed.add(p.getKey() + ": the example is not JSON");
            continue;
          }
          failed.addAll(unknownProperties(api, type.path("schema"), parsed, p.getKey()));
          if (OPENAPI_SCHEMA_ONLY.containsKey(p.getKey())) {
            continue;
          }
          String[] run = OPENAPI_RUN.get(p.getKey());
          if (run == null) {
            failed.add(p.getKey() + ": a new example; add its path to OPENAPI_RUN (or OPENAPI_SCHEMA_ONLY with why)");
            continue;
          }
          Http.Response r = http.send(run[0], "POST", p.getKey(), freshIds(body));
          if (r.status() != Integer.parseInt(run[1])) {
            failed.add(p.getKey() + " as " + run[0] + ": " + r.status() + " " + r.body());
          }
        }
      }
    }
    assertThat(seen).as("examples found in the OpenAPI document").contains("/api/applications",
        "/api/temporary/emergencies");
    assertThat(failed).isEmpty();
  }

  /** The OpenAPI document; its first generation takes longer than Http's 30 s on a busy machine. */
  String openApi() throws IOException {
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + "/api/openapi"))
        .timeout(java.time.Duration.ofMinutes(5))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString("nongan-cw:demo".getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    try {
      java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
          .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Test
  void freshIdNumbersAreValid() {
    String fresh = freshIds("{\"recipientIdNumber\":\"220122198001010018\",\"name\":\"王五\"}");
    Matcher m = Pattern.compile("\"(\\d{17}[\\dX])\"").matcher(fresh);
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).startsWith("22012219800101").isNotEqualTo("220122198001010018");
    assertThat(checkDigit(m.group(1).substring(0, 17))).isEqualTo(m.group(1).charAt(17));
    // the 17th digit keeps its parity (the sex it encodes)
    assertThat((m.group(1).charAt(16) - '0') % 2).isEqualTo(1);
  }

  /** Top-level properties of an example that its request schema does not know (a renamed field in a stale example). */
  static List<String> unknownProperties(JsonNode api, JsonNode schema, JsonNode example, String path) {
    JsonNode s = schema;
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      s = api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
    List<String> unknown = new ArrayList<>();
    if (!s.has("properties") || !example.isObject()) {
      return unknown;
    }
    for (Iterator<String> names = example.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!s.path("properties").has(name)) {
        unknown.add(path + ": the example's property " + name + " is not in the request schema");
      }
    }
    return unknown;
  }

  /** Every ID number of the body replaced by a valid one of the same region, birth date and sex, not used before. */
  static String freshIds(String body) {
    return ID_NUMBER.matcher(body).replaceAll(m -> {
      int odd = (m.group(4).charAt(0) - '0') % 2;
      int n = NEXT.incrementAndGet() % 500;
      String seq = String.format("%03d", n * 2 + odd);
      String first17 = m.group(2) + seq;
      return Matcher.quoteReplacement(m.group(1) + first17 + checkDigit(first17) + m.group(5));
    });
  }

  static char checkDigit(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return "10X98765432".charAt(sum % 11);
  }

  static List<Path> docs() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("docs"))) {
      return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }
}
