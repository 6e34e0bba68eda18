package org.doudi.notice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One notice to issue: the case (process instance, business key, region), the kind, the step it belongs to (the
 * idempotency key with case and kind: a retried step finds the notice it issued, e.g. {@code round-2}, the decision
 * id), the template's values (every placeholder the template names must be given; text only) and who issues it.
 */
public record NoticeRequest(String processInstanceId, String businessKey, String regionCode, NoticeKind kind,
    String step, Map<String, String> values, String issuedBy) {

  public NoticeRequest {
    values = values == null ? Map.of() : Map.copyOf(values);
  }

  /** A request without values yet; add them with {@link #with}. */
  public static NoticeRequest of(String processInstanceId, String businessKey, String regionCode, NoticeKind kind,
      String step, String issuedBy) {
    return new NoticeRequest(processInstanceId, businessKey, regionCode, kind, step, Map.of(), issuedBy);
  }

  /** This request with one more value (null is refused when the template names it: the notice must be complete). */
  public NoticeRequest with(String name, Object value) {
    Map<String, String> more = new LinkedHashMap<>(values);
    if (value != null) {
      more.put(name, value.toString());
    }
    return new NoticeRequest(processInstanceId, businessKey, regionCode, kind, step, more, issuedBy);
  }
}
