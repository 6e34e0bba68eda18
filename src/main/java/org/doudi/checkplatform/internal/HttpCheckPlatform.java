package org.doudi.checkplatform.internal;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.doudi.checkplatform.CheckNotAuthorisedException;
import org.doudi.checkplatform.CheckPlatform;
import org.doudi.checkplatform.CheckPlatformUnavailableException;
import org.doudi.checkplatform.CheckRequest;
import org.doudi.checkplatform.CheckResult;
import org.doudi.checkplatform.CheckResult.FoundAsset;
import org.doudi.checkplatform.CheckResult.MemberFindings;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * The provincial platform over HTTP: {@code POST {url}/checks} with the ID numbers and names only (see
 * docs/eligibility.md for the wire format). Any technical problem — connection refused, timeout, a non-2xx
 * status, an answer that is not the expected JSON — is a {@link CheckPlatformUnavailableException}, so the
 * engine's job retries.
 */
public class HttpCheckPlatform implements CheckPlatform {

  /** Request body. */
  record WireRequest(String requestId, boolean authorised, List<WirePerson> persons) {}

  record WirePerson(String idNumber, String name) {}

  /** Response body. */
  record WireResponse(String reference, List<WirePersonFindings> persons, List<WireAsset> assets) {}

  record WirePersonFindings(String idNumber, String name, Map<String, BigDecimal> monthlyIncome,
      java.time.LocalDate deceasedOn) {}

  record WireAsset(String ownerIdNumber, String type, String description, BigDecimal value) {}

  private final RestClient client;
  private final String url;
  private final Clock clock;
  private final Duration readTimeout;

  public HttpCheckPlatform(String url, Duration connectTimeout, Duration readTimeout, Clock clock) {
    this.url = url.replaceAll("/+$", "");
    this.clock = clock;
    this.readTimeout = readTimeout;
    HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(readTimeout);
    this.client = RestClient.builder().requestFactory(factory).baseUrl(this.url).build();
  }

  @Override
  public CheckResult check(CheckRequest request) {
    if (!request.authorisationSigned()) {
      throw new CheckNotAuthorisedException(request.applicationId());
    }
    WireRequest body = new WireRequest(request.applicationId(), true,
        request.members().stream().map(m -> new WirePerson(m.idNumber(), m.name())).toList());
    WireResponse response;
    try {
      response = client.post().uri("/checks").contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON).body(body).retrieve().body(WireResponse.class);
    } catch (HttpStatusCodeException e) {
      throw new CheckPlatformUnavailableException("核对平台 " + url + " 答复 HTTP " + e.getStatusCode().value()
          + "，稍后重试（check platform answered HTTP " + e.getStatusCode().value() + "）", e);
    } catch (ResourceAccessException e) {
      // the JDK client's read timeout surfaces as HttpTimeoutException; connection refused etc. as other IOExceptions
      boolean timeout = e.getMostSpecificCause() instanceof java.net.http.HttpTimeoutException;
      throw new CheckPlatformUnavailableException(timeout
          ? "核对平台 " + url + " 在 " + readTimeout.toSeconds() + " 秒内没有答复（超时），稍后重试（check platform timed out）"
          : "核对平台 " + url + " 无法连接，稍后重试（check platform unreachable: " + e.getMostSpecificCause() + "）",
          e);
    } catch (RestClientException e) {
      // e.g. HTML from a gateway, broken JSON: never read as a result
      throw new CheckPlatformUnavailableException("核对平台 " + url + " 的答复不是约定的格式（docs/eligibility.md），"
          + "稍后重试（malformed check platform answer: " + e.getMostSpecificCause().getMessage() + "）", e);
    }
    if (response == null || response.reference() == null || response.persons() == null) {
      throw new CheckPlatformUnavailableException("核对平台 " + url + " 的答复不完整（缺少 reference 或 persons），"
          + "稍后重试（incomplete check platform answer）", null);
    }
    List<MemberFindings> members = response.persons().stream()
        .map(p -> new MemberFindings(p.idNumber(), p.name(), p.monthlyIncome() == null ? Map.of()
            : Map.copyOf(p.monthlyIncome()), p.deceasedOn())).toList();
    List<FoundAsset> assets = response.assets() == null ? List.of() : response.assets().stream()
        .map(a -> new FoundAsset(a.ownerIdNumber(), a.type(), a.description(), a.value())).toList();
    return Comparison.compare(request, new Findings(response.reference(), members, assets), clock.instant());
  }
}
