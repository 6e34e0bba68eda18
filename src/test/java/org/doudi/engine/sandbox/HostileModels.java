package org.doudi.engine.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.doudi.platform.Http;

/**
 * The corpus of hostile models (src/test/resources/hostile-models, listed in corpus.tsv) and the two ways a test
 * puts one into the engine: through the REST API as a user would, and straight into the database past the sandbox.
 */
public final class HostileModels {

  /** Where a model that escaped would leave its mark (Runtime.exec("touch …")). */
  public static final String MARKER = "/tmp/doudi-sandbox-escaped";

  private HostileModels() {}

  /** One hostile file: its name, the element the refusal must name, how to run it, whether running must fail. */
  public record Entry(String file, String element, String run, boolean fails, String tries, byte[] content) {
    public String resourceName() {
      return "hostile/" + file;
    }

    @Override
    public String toString() {
      return file;
    }
  }

  public static List<Entry> corpus() {
    List<Entry> entries = new ArrayList<>();
    for (String line : new String(read("corpus.tsv"), StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      entries.add(new Entry(f[0], f[1], f[2], "fails".equals(f[3]), f[4], read(f[0])));
    }
    entries.add(oversized());
    return entries;
  }

  public static Entry entry(String file) {
    return corpus().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
  }

  /** A valid, harmless process padded past the per-file limit: refused for its size alone. */
  static Entry oversized() {
    String pad = "填充".repeat(110_000); // 6 bytes each in UTF-8: ~660 KB
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_oversized" targetNamespace="http://doudi.org/hostile">
          <bpmn:process id="oversized" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:documentation>%s</bpmn:documentation>
            <bpmn:startEvent id="StartEvent_1"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(pad);
    return new Entry("oversized.bpmn", "（整个文件）", "deploy", false, "a file over the size limit",
        xml.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] read(String file) {
    try (InputStream in = HostileModels.class.getResourceAsStream("/hostile-models/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing hostile model " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code POST /engine-rest/deployment/create} as Modeler sends it (multipart, HTTP Basic, password demo). */
  public static Http.Response deployThroughRest(int port, String user, String resourceName, byte[] content) {
    String boundary = "----doudi" + System.nanoTime();
    StringBuilder head = new StringBuilder();
    for (String[] field : new String[][] {{"deployment-name", "hostile"}, {"deployment-source", "Camunda Modeler"},
        {"enable-duplicate-filtering", "false"}}) {
      head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
          .append("\"\r\n\r\n").append(field[1]).append("\r\n");
    }
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(resourceName)
        .append("\"; filename=\"").append(resourceName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] t = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[h.length + content.length + t.length];
    System.arraycopy(h, 0, body, 0, h.length);
    System.arraycopy(content, 0, body, h.length, content.length);
    System.arraycopy(t, 0, body, h.length + content.length, t.length);
    return post(port, user, "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary, body);
  }

  public static Http.Response post(int port, String user, String path, String contentType, byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Http.Response(r.statusCode(), r.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    }
  }

  /**
   * Runs {@code deploy} with the sandbox's pre-deployer taken out of the engine for this one call, as if the model
   * had been stored before the sandbox existed. Test-only: production has no such switch.
   */
  public static <T> T pastTheSandbox(ProcessEngineConfigurationImpl engine, Supplier<T> deploy) {
    List<Deployer> all = engine.getDeployers();
    List<Deployer> without = all.stream()
        .filter(d -> !d.getClass().getName().equals("org.doudi.engine.internal.SandboxDeployer")).toList();
    if (without.size() != all.size() - 1) {
      throw new IllegalStateException("the sandbox deployer is not installed: " + all);
    }
    engine.getDeploymentCache().setDeployers(without);
    try {
      return deploy.get();
    } finally {
      engine.getDeploymentCache().setDeployers(all);
    }
  }
}
