package org.doudi.notice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.document.Documents;
import org.doudi.document.MaterialType;
import org.doudi.document.StoredDocument;
import org.doudi.engine.EngineContext;
import org.doudi.notice.internal.NoticePdf;
import org.doudi.notice.internal.NoticeTemplates;
import org.doudi.notice.persistence.NoticeRepository;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's public API: issue a notice for a case. Renders the kind's template with the caller's values and the
 * values every notice shares, lays it out as a PDF with the embedded Chinese font and stores it with the case
 * ({@code Documents.store}, material {@code NOTICE}, uploaded by {@code system}), in the caller's transaction: the
 * step that decides also issues the notice, or neither happens. Idempotent per case, kind and step.
 *
 * <p>Values every notice may use (the caller's values win): {@code issuedOn} (today, 2026年12月5日),
 * {@code regionName} (the case's region in full), {@code countyName}, {@code reviewBody} (the county people's
 * government, 行政复议法 第二十四条), {@code remedies} (template {@code remedies}: 行政复议 within 60 days, 行政诉讼 within
 * 6 months), {@code caseNumber} (the business key, else the process instance), {@code countyCivilAffairs}
 * (X县民政局), {@code townshipName}, {@code townshipOffice} (X镇人民政府 / X街道办事处), {@code decidingOffice} (see
 * {@link #DECIDING_LEVEL}).
 */
@Service
public class Notices {

  /**
   * Value naming the level that decided, {@code COUNTY} (default) or {@code TOWNSHIP}: sets {@code decidingOffice}
   * to the county's 民政局 or the township's 人民政府/街道办事处.
   */
  public static final String DECIDING_LEVEL = "decidingLevel";
  /**
   * Value of a {@link NoticeKind#RECOVERY}: {@code true} only where fraud was established (the notice then says
   * 骗取, with {@code fraudFinding}); anything else recovers 多领取的救助资金.
   */
  public static final String FRAUD_ESTABLISHED = "fraudEstablished";
  /** Who stores the notices in case_document. */
  public static final String SYSTEM = "system";
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final NoticeTemplates templates;
  private final NoticePdf pdf;
  private final NoticeRepository issues;
  private final Documents documents;
  private final Regions regions;

  public Notices(NoticeTemplates templates, NoticePdf pdf, NoticeRepository issues, Documents documents,
      Regions regions) {
    this.templates = templates;
    this.pdf = pdf;
    this.issues = issues;
    this.documents = documents;
    this.regions = regions;
  }

  /** A date as notices write it: 2026年12月5日. */
  public static String date(LocalDate day) {
    return day == null ? null : CHINESE_DATE.format(day);
  }

  /**
   * Issues the notice, or returns the one already issued for the same case, kind and step. A template placeholder
   * without a value fails the call ({@link NoticeTemplateException}); nothing is stored then.
   */
  @Transactional
  public IssuedNotice issue(NoticeRequest request) {
    if (request.processInstanceId() == null || request.kind() == null || request.step() == null
        || request.step().isBlank() || request.regionCode() == null) {
      throw new IllegalArgumentException("A notice needs the case's process instance, region, kind and step");
    }
    String step = request.step().strip();
    Optional<NoticeRepository.Issue> existing = issues.find(request.processInstanceId(), request.kind().name(), step);
    if (existing.isPresent()) {
      return new IssuedNotice(existing.get().documentId(), request.kind(), step, existing.get().fileName(),
          text(request));
    }
    NoticeTemplates.Rendered rendered = render(request);
    byte[] bytes = pdf.render(rendered, request.kind().title() + " " + caseNumber(request));
    String fileName = request.kind().title() + "-" + caseNumber(request) + "-" + step + ".pdf";
    StoredDocument stored = documents.store(new Documents.CaseLink(request.processInstanceId(),
        request.businessKey(), request.regionCode()), MaterialType.NOTICE, fileName, bytes, SYSTEM);
    issues.insert(request.processInstanceId(), request.kind().name(), step, stored.id(), stored.fileName(),
        request.issuedBy(), EngineContext.now());
    return new IssuedNotice(stored.id(), request.kind(), step, stored.fileName(), rendered.plain());
  }

  /** The text the request renders to (title and body, as in the PDF), without storing anything. */
  public String text(NoticeRequest request) {
    return render(request).plain();
  }

  /** The notices issued for a case, oldest first: kind, step and the stored document's id. */
  public List<IssuedNotice> forCase(String processInstanceId) {
    return issues.forCase(processInstanceId).stream().map(i -> new IssuedNotice(i.documentId(),
        NoticeKind.valueOf(i.kind()), i.step(), i.fileName(), null)).toList();
  }

  private NoticeTemplates.Rendered render(NoticeRequest request) {
    Map<String, String> values = new HashMap<>(shared(request));
    values.putAll(request.values());
    if (!request.values().containsKey("remedies")) {
      values.put("remedies", templates.fragment("remedies", values));
    }
    if (request.kind() == NoticeKind.RECOVERY && !request.values().containsKey("findingParagraph")) {
      // 骗取 only where fraud was established; otherwise the notice recovers what was overpaid (docs/notices.md)
      values.put("findingParagraph", templates.fragment("true".equals(values.get(FRAUD_ESTABLISHED))
          ? "recovery-fraud" : "recovery-overpaid", values));
    }
    return templates.render(request.kind().template(), values);
  }

  private Map<String, String> shared(NoticeRequest request) {
    Map<String, String> v = new HashMap<>();
    v.put("issuedOn", date(EngineContext.today()));
    v.put("caseNumber", caseNumber(request));
    v.put("regionName", regions.fullName(request.regionCode()));
    Optional<Region> county = regions.ancestorAt(request.regionCode(), RegionLevel.COUNTY);
    county.ifPresent(c -> {
      v.put("countyName", c.name());
      v.put("countyCivilAffairs", c.name() + "民政局");
      // 行政复议法（2023年修订）第二十四条: the county people's government reviews its departments and townships
      v.put("reviewBody", c.name() + "人民政府");
    });
    regions.ancestorAt(request.regionCode(), RegionLevel.TOWNSHIP).ifPresent(t -> {
      v.put("townshipName", t.name());
      v.put("townshipOffice", t.name() + (t.name().endsWith("街道") ? "办事处" : "人民政府"));
    });
    // who decided: the county's civil-affairs bureau, or the township where the county delegated the decision
    String level = request.values().get(DECIDING_LEVEL);
    String office = "TOWNSHIP".equals(level) ? v.get("townshipOffice") : v.get("countyCivilAffairs");
    if (office != null) {
      v.put("decidingOffice", office);
    }
    return v;
  }

  private static String caseNumber(NoticeRequest request) {
    return request.businessKey() != null && !request.businessKey().isBlank() ? request.businessKey().strip()
        : request.processInstanceId();
  }
}
