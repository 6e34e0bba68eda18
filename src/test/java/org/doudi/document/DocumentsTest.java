package org.doudi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doudi.dibao.DibaoCases;
import org.doudi.household.TestApplications;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.WebAppSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scanned materials (module document): kind by content, size limit, checksum, region access, the download round
 * trip, the cross-site guard of the upload, the Tasklist session with its CSRF token, and the 受理 checklist backed
 * by the files.
 */
@DoudiTest
class DocumentsTest {

  static final String BOUNDARY = "----doudi-test-boundary";

  @LocalServerPort int port;
  @Autowired DibaoCases cases;
  @Autowired Documents documents;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  final HttpClient client = HttpClient.newHttpClient();
  String pid;

  @BeforeEach
  void aCase() {
    pid = cases.apply(TestApplications.unique(TestApplications.household()), "nongan-cw").processInstanceId();
  }

  @AfterEach
  void paperChecklist() {
    documents.setChecklistRequiresDocuments(false);
  }

  static byte[] png(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, b, 0, 8);
    return b;
  }

  static byte[] pdf(int size) {
    byte[] b = new byte[size];
    byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  static byte[] multipart(String materialType, String fileName, String declaredType, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"materialType\"\r\n\r\n" + materialType
        + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  HttpResponse<byte[]> send(String user, String method, String path, byte[] body, boolean customHeader)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
          .getBytes(StandardCharsets.UTF_8)));
    }
    if (customHeader) {
      b.header("X-Requested-With", "XMLHttpRequest");
    }
    if (body != null) {
      b.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
      b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> upload(String user, String type, String name, String declared, byte[] content)
      throws Exception {
    return send(user, "POST", "/api/cases/" + pid + "/documents", multipart(type, name, declared, content), true);
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  int stored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM case_document WHERE process_instance_id = ?", Integer.class, pid);
  }

  @Test
  void aScanIsStoredWithItsChecksumAndComesBackUnchanged() throws Exception {
    byte[] scan = png(200_000);
    HttpResponse<byte[]> r = upload("nongan-cw", "IDENTITY", "身份证正面.png", "image/png", scan);
    assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
    JsonNode d = json.readTree(r.body());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));
    assertThat(d.get("sha256").asText()).isEqualTo(sha);
    assertThat(d.get("contentType").asText()).isEqualTo("image/png");
    assertThat(d.get("materialLabel").asText()).isEqualTo("身份证、户口簿等身份证明");
    assertThat(jdbc.queryForObject("SELECT sha256 FROM case_document WHERE id = ?", String.class,
        d.get("id").asLong())).isEqualTo(sha);

    HttpResponse<byte[]> list = send("nongan-cw", "GET", "/api/cases/" + pid + "/documents", null, false);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(json.readTree(list.body())).hasSize(1);
    HttpResponse<byte[]> back = send("nongan-cw", "GET", "/api/documents/" + d.get("id").asLong() + "/content",
        null, false);
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(scan);
    assertThat(back.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(back.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

    // the kind comes from the content: a PDF named .png is stored as PDF
    HttpResponse<byte[]> named = upload("nongan-cw", "INCOME", "收入证明.png", "image/png", pdf(1000));
    assertThat(named.statusCode()).as(text(named)).isEqualTo(201);
    assertThat(json.readTree(named.body()).get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(json.readTree(named.body()).get("fileName").asText()).isEqualTo("收入证明.png.pdf");
  }

  @Test
  void wrongKindsTooLargeFilesAndBadTypesAreRefusedInChineseAndStoreNothing() throws Exception {
    HttpResponse<byte[]> exe = upload("nongan-cw", "IDENTITY", "身份证.jpg", "image/jpeg",
        "MZ\u0090\u0000 not an image".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(exe.statusCode()).isEqualTo(400);
    assertThat(text(exe)).contains("只能上传JPEG、PNG图片或PDF文件");
    HttpResponse<byte[]> html = upload("nongan-cw", "IDENTITY", "a.pdf", "application/pdf",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(html.statusCode()).isEqualTo(400);

    HttpResponse<byte[]> big = upload("nongan-cw", "INCOME", "收入.pdf", "application/pdf", pdf(10_000_001));
    assertThat(big.statusCode()).as(text(big)).isEqualTo(413);
    assertThat(text(big)).contains("文件过大");
    HttpResponse<byte[]> limit = upload("nongan-cw", "INCOME", "收入.pdf", "application/pdf", pdf(10_000_000));
    assertThat(limit.statusCode()).as(text(limit)).isEqualTo(201);

    HttpResponse<byte[]> badType = upload("nongan-cw", "PASSPORT", "a.png", "image/png", png(100));
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(text(badType)).contains("材料类型无效");
    HttpResponse<byte[]> empty = upload("nongan-cw", "IDENTITY", "a.png", "image/png", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(text(empty)).contains("文件为空");
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void onlyStaffWhoseRegionCoversTheCaseMayUploadListOrDownload() throws Exception {
    HttpResponse<byte[]> own = upload("nongan-cw", "PLEDGE", "承诺书.jpg", "image/jpeg",
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3});
    assertThat(own.statusCode()).as(text(own)).isEqualTo(201);
    long id = json.readTree(own.body()).get("id").asLong();

    HttpResponse<byte[]> up = upload("nanling-cw", "PLEDGE", "承诺书.png", "image/png", png(100));
    assertThat(up.statusCode()).isEqualTo(403);
    assertThat(text(up)).contains("不负责这个案件所在地区");
    assertThat(send("nanling-cw", "GET", "/api/cases/" + pid + "/documents", null, false).statusCode())
        .isEqualTo(403);
    HttpResponse<byte[]> down = send("nanling-cw", "GET", "/api/documents/" + id + "/content", null, false);
    assertThat(down.statusCode()).isEqualTo(403);
    assertThat(text(down)).doesNotContain("JFIF");
    assertThat(send(null, "GET", "/api/documents/" + id + "/content", null, false).statusCode()).isEqualTo(401);
    assertThat(send("nongan-cw", "GET", "/api/documents/999999/content", null, false).statusCode()).isEqualTo(404);
    assertThat(send("nongan-cw", "GET", "/api/cases/no-such-case/documents", null, false).statusCode())
        .isEqualTo(404);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void aCrossSiteFormCannotUploadButTheTasklistPageWithItsTokenCan() throws Exception {
    // HTTP Basic without a custom header: what a form of another site posts with the browser's cached credentials
    HttpResponse<byte[]> form = send("nongan-cw", "POST", "/api/cases/" + pid + "/documents",
        multipart("IDENTITY", "a.png", "image/png", png(100)), false);
    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(text(form)).contains("防跨站");

    WebAppSession tasklist = WebAppSession.login(port, "nongan-cw", "tasklist");
    assertThat(tasklist).isNotNull();
    String type = "multipart/form-data; boundary=" + BOUNDARY;
    Http.Response noToken = tasklist.postMultipart("/api/cases/" + pid + "/documents", type,
        multipart("IDENTITY", "a.png", "image/png", png(100)), false);
    assertThat(noToken.status()).isEqualTo(403); // security.CamundaSessionWrites
    assertThat(stored()).isZero();
    Http.Response withToken = tasklist.postMultipart("/api/cases/" + pid + "/documents", type,
        multipart("IDENTITY", "a.png", "image/png", png(100)), true);
    assertThat(withToken.status()).as(withToken.body()).isEqualTo(201);
    assertThat(tasklist.send("GET", "/api/cases/" + pid + "/documents", null).status()).isEqualTo(200);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void aTickedChecklistItemNeedsAScanOfItsKind() throws Exception {
    documents.setChecklistRequiresDocuments(true);
    Task accept = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_AcceptApplication")
        .singleResult();
    Map<String, Object> ticked = Map.of("materialIdentity", true, "materialIncome", true, "materialAssets", false,
        "materialAuthorisation", false, "materialPledge", false, "materialDisabilityProof", false);
    upload("nongan-cw", "IDENTITY", "身份证.png", "image/png", png(100));
    assertThatThrownBy(() -> tasks.complete(accept.getId(), ticked))
        .hasMessageContaining("已勾选“家庭收入情况说明”，但本案还没有这类材料的扫描件：家庭收入情况证明");
    assertThat(tasks.createTaskQuery().taskId(accept.getId()).count()).isEqualTo(1);

    upload("nongan-cw", "INCOME", "收入.pdf", "application/pdf", pdf(100));
    tasks.complete(accept.getId(), ticked);
    assertThat(tasks.createTaskQuery().taskId(accept.getId()).count()).isZero();
  }
}
