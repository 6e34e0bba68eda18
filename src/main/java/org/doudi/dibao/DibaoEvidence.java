package org.doudi.dibao;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.eligibility.DibaoAssessment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of a 低保 case's evidence (tables {@code dibao_*}) for the case overview: the assessment the case was
 * decided on (with its reasons and citations), the decision and the case events. Unmasked: callers mask.
 */
@Service
public class DibaoEvidence {

  private final DibaoRepository records;
  private final ObjectMapper json;

  public DibaoEvidence(DibaoRepository records, ObjectMapper json) {
    this.records = records;
    this.json = json;
  }

  /** 审核确认 / 不予批准 as stored ({@code decision} APPROVE or REJECT, {@code authority} COUNTY or TOWNSHIP). */
  public record Decision(String decision, String authority, String decidedBy, Instant decidedAt, LocalDate decidedOn,
      BigDecimal monthlyAmount, LocalDate paymentFrom, String reasons) {}

  /** A step of the case recorded by the process (INVESTIGATION_STARTED, EXTENDED, OVERDUE, …). */
  public record CaseEvent(String kind, String detail, String actor, Instant at) {}

  /** The case's latest assessment (the one 初审, 公示 and 审核确认 saw), if the case got that far. */
  @Transactional(readOnly = true)
  public Optional<DibaoAssessment> latestAssessment(String processInstanceId) {
    return records.latestAssessment(processInstanceId).map(a -> {
      try {
        return json.readValue(a.json(), DibaoAssessment.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("dibao_assessment " + a.id() + " unreadable", e);
      }
    });
  }

  @Transactional(readOnly = true)
  public List<Decision> decisions(String processInstanceId) {
    return records.rows("dibao_decision", processInstanceId).stream().map(r -> new Decision(
        (String) r.get("decision"), (String) r.get("authority"), (String) r.get("decided_by"),
        instant(r.get("decided_at")), date(r.get("decided_on")), (BigDecimal) r.get("monthly_amount"),
        date(r.get("payment_from")), (String) r.get("reasons"))).toList();
  }

  @Transactional(readOnly = true)
  public List<CaseEvent> events(String processInstanceId) {
    return records.rows("dibao_case_event", processInstanceId).stream().map(r -> new CaseEvent(
        (String) r.get("kind"), (String) r.get("detail"), (String) r.get("actor"), instant(r.get("occurred_at"))))
        .toList();
  }

  private static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.OffsetDateTime t) {
      return t.toInstant();
    }
    return Instant.parse(o.toString());
  }

  private static LocalDate date(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return o instanceof LocalDate d ? d : LocalDate.parse(o.toString().substring(0, 10));
  }
}
