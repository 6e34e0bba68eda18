package org.doudi.citizen.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.doudi.audit.AuditTrail;
import org.doudi.citizen.CitizenSettings;
import org.doudi.citizen.persistence.CitizenRepository;
import org.doudi.citizen.persistence.CitizenRepository.DraftRow;
import org.doudi.citizen.persistence.CitizenRepository.PersonRow;
import org.doudi.dibao.DibaoCases;
import org.doudi.household.ApplicationValidator;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.IdNumber;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.springframework.http.HttpStatus;
import org.doudi.temporary.TemporaryApplications;
import org.doudi.temporary.TemporaryApplications.ExpenditureApplication;
import org.doudi.temporary.TemporaryApplications.InvalidExpenditureApplication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online 低保 applications. The household's data is checked at once by the household module's validator (the same
 * checks as the counter) and kept as a draft; every member of consent age gives the 授权书 on their own phone (signed
 * in with their ID number and the phone the application names for them) and the applicant (本人) the 承诺书. The last
 * consent starts the case through {@link DibaoCases#applyOnline} — the same registration, checks and process as
 * {@code POST /api/applications} — with both signatures set and channel ONLINE. A draft not complete within
 * {@code doudi.citizen.draft-validity} expires.
 */
@Service
public class OnlineApplications {

  public static final String SCHEME_DIBAO = "DIBAO";
  /** 支出型临时救助: the applicant (the person the information check concerns) gives 授权书 and 承诺书. */
  public static final String SCHEME_EXPENDITURE = "EXPENDITURE";
  public static final String AUTHORISATION = "AUTHORISATION";
  public static final String PLEDGE = "PLEDGE";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final CitizenRepository repository;
  private final CitizenSettings settings;
  private final ApplicationValidator validator;
  private final DibaoCases dibao;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final TemporaryApplications temporary;
  private final Clock clock = Clock.systemUTC();

  public OnlineApplications(CitizenRepository repository, CitizenSettings settings, ApplicationValidator validator,
      DibaoCases dibao, AuditTrail audit, ObjectMapper json, TemporaryApplications temporary) {
    this.temporary = temporary;
    this.repository = repository;
    this.settings = settings;
    this.validator = validator;
    this.dibao = dibao;
    this.audit = audit;
    this.json = json;
  }

  /** The phone each member signs in with (members under the consent age need none). */
  public record MemberPhone(String idNumber, String phone) {}

  /** One person of a draft, the ID number masked unless it is the reader's own. */
  public record PersonView(String name, String idNumber, String relation, boolean applicant, boolean needsConsent,
      boolean authorised, boolean pledged, boolean you) {}

  public record DraftView(long id, String scheme, String status, String statusLabel, Instant createdAt,
      Instant expiresAt, String applicantName, String regionCode, List<PersonView> persons,
      List<String> yourPendingConsents, String processInstanceId) {}

  @Transactional
  public DraftView create(Citizen c, HouseholdApplication application, List<MemberPhone> phones) {
    if (application == null) {
      throw new InvalidApplicationException("household", "请填写申请内容");
    }
    Map<String, String> phoneOf = new HashMap<>();
    for (MemberPhone p : phones == null ? List.<MemberPhone>of() : phones) {
      if (p != null && p.idNumber() != null && p.phone() != null && !p.phone().isBlank()) {
        phoneOf.put(p.idNumber().strip().toUpperCase(), p.phone().strip());
      }
    }
    LocalDate today = LocalDate.now(CHINA);
    List<Violation> v = new ArrayList<>();
    Member self = application.applicant();
    boolean signerIsMember = false;
    int i = 0;
    for (Member m : application.memberList()) {
      String id = m == null || m.idNumber() == null ? "" : m.idNumber().strip().toUpperCase();
      String who = "第" + (i + 1) + "位成员" + (m == null || m.name() == null ? "" : "（" + m.name() + "）");
      if (id.equals(c.idNumber())) {
        signerIsMember = true;
        if (phoneOf.containsKey(id) && !c.phone().equals(phoneOf.get(id))) {
          v.add(new Violation("phones", who + "是您本人，手机号码应为您登录用的号码"));
        }
        phoneOf.put(id, c.phone());
      }
      if (IdNumber.isValid(id) && IdNumber.parse(id).ageOn(today) >= settings.consentAge()) {
        String p = phoneOf.get(id);
        if (p == null) {
          v.add(new Violation("phones", who + "已满" + settings.consentAge() + "周岁，须填写本人手机号码，用于本人授权"));
        } else if (!p.matches("1[3-9][0-9]{9}")) {
          v.add(new Violation("phones", who + "的手机号码" + p + "不是11位手机号码"));
        }
      }
      i++;
    }
    if (!signerIsMember && !application.memberList().isEmpty()) {
      v.add(new Violation("members", "申请须由家庭成员本人在网上提出：成员中没有您本人（登录的身份证号码）"));
    }
    if (self != null && self.idNumber() != null && !phoneOf.containsKey(self.idNumber().strip().toUpperCase())) {
      v.add(new Violation("phones", "申请人本人须填写手机号码，用于签署承诺书"));
    }
    // the household module's checks, with the signatures the consents will give
    HouseholdApplication complete = signed(application, self == null || self.idNumber() == null ? null
        : phoneOf.get(self.idNumber().strip().toUpperCase()));
    v.addAll(validator.check(complete));
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
    Instant now = clock.instant();
    long id = repository.insertDraft(SCHEME_DIBAO, c.idNumber(), c.phone(), write(complete), now,
        now.plus(settings.draftValidity()));
    for (Member m : complete.memberList()) {
      String mid = IdNumber.parse(m.idNumber().strip().toUpperCase()).value();
      boolean adult = IdNumber.parse(mid).ageOn(today) >= settings.consentAge();
      repository.insertPerson(id, mid, adult || m.relation() == Relation.SELF ? phoneOf.get(mid) : null,
          m.relation() == Relation.SELF, adult);
    }
    audit.record(new AuditRecord(AuditKind.CHANGE, "citizen.applied", c.actor(), null, null,
        complete.regionCode(), "citizen_application " + id, null, "低保网上申请（草稿，待授权）", c.idNumber()));
    return view(c, repository.draftForUpdate(id).orElseThrow());
  }

  /**
   * 支出型临时救助 for oneself or a family member. The 登记申请 checks of the counter run at once
   * ({@link TemporaryApplications#check}, nothing kept); the draft then waits for the applicant's 授权书 (支出型 runs
   * the information check on the applicant) and 承诺书, given on the applicant's own phone — the caller's when applying
   * for oneself. A filer applying for a family member follows the case with their own phone.
   */
  @Transactional
  public DraftView createExpenditure(Citizen c, ExpenditureApplication application) {
    if (application == null || application.recipientIdNumber() == null) {
      throw new InvalidApplicationException("recipientIdNumber", "请填写申请人身份证号码");
    }
    String applicantId;
    try {
      applicantId = IdNumber.parse(application.recipientIdNumber().strip().toUpperCase()).value();
    } catch (IllegalArgumentException e) {
      throw new InvalidApplicationException("recipientIdNumber", "申请人" + e.getMessage());
    }
    boolean self = applicantId.equals(c.idNumber());
    String phone = self ? c.phone() : application.recipientPhone() == null ? "" : application.recipientPhone().strip();
    if (!phone.matches("1[3-9][0-9]{9}")) {
      throw new InvalidApplicationException("recipientPhone", "请填写申请人本人的11位手机号码，申请人用它登录并签署授权书和承诺书");
    }
    if (IdNumber.parse(applicantId).ageOn(LocalDate.now(CHINA)) < settings.consentAge()) {
      throw new InvalidApplicationException("recipientIdNumber", "申请人须年满" + settings.consentAge()
          + "周岁；未成年人的申请请由其监护人作为申请人提出");
    }
    ExpenditureApplication a = new ExpenditureApplication(application.regionCode(), application.recipientName(),
        applicantId, phone, application.causeKind(), application.cause(), application.expenseAmount(),
        application.amount(), application.memberCount(), application.householdMonthlyIncome(),
        application.bankName(), application.bankAccountNumber());
    try {
      temporary.check(a, c.actor());
    } catch (InvalidExpenditureApplication e) {
      throw new InvalidApplicationException(e.field(), e.getMessage());
    }
    Instant now = clock.instant();
    long id = repository.insertDraft(SCHEME_EXPENDITURE, c.idNumber(), c.phone(), writeValue(a), now,
        now.plus(settings.draftValidity()));
    repository.insertPerson(id, applicantId, phone, true, true);
    if (!self) {
      // the filer follows the case; they sign nothing (the check concerns the applicant)
      repository.insertPerson(id, c.idNumber(), c.phone(), false, false);
    }
    audit.record(new AuditRecord(AuditKind.CHANGE, "citizen.applied", c.actor(), null, null, a.regionCode(),
        "citizen_application " + id, null, "支出型临时救助网上申请（草稿，待申请人授权）", c.idNumber()));
    return view(c, repository.draftForUpdate(id).orElseThrow());
  }

  /** The drafts and submitted online applications naming this citizen with this phone. */
  @Transactional
  public List<DraftView> mine(Citizen c) {
    List<DraftView> out = new ArrayList<>();
    for (DraftRow d : repository.draftsOf(c.idNumber(), c.phone())) {
      out.add(view(c, expireIfDue(d)));
    }
    return out;
  }

  /**
   * The citizen gives the consents due from them ({@code AUTHORISATION} and, as applicant, {@code PLEDGE}); the last
   * one submits the application. A refusal keeps what was found out (an expired draft stays EXPIRED).
   */
  @Transactional(noRollbackFor = CitizenRefusal.class)
  public DraftView consent(Citizen c, long draftId, boolean authorisation, boolean pledge) {
    DraftRow d = repository.draftForUpdate(draftId).orElseThrow(CitizenRefusal::notYours);
    PersonRow me = repository.persons(draftId).stream()
        .filter(p -> p.idNumber().equals(c.idNumber()) && c.phone().equals(p.phone())).findFirst()
        .orElseThrow(CitizenRefusal::notYours);
    d = expireIfDue(d);
    if (!d.status().equals("DRAFT")) {
      throw new CitizenRefusal(HttpStatus.CONFLICT, "EXPIRED".equals(d.status())
          ? "该申请草稿已过期，请重新提交申请" : "该申请已经提交，无需再次授权");
    }
    List<String> due = due(me, repository.consents(draftId));
    if (due.isEmpty()) {
      throw new CitizenRefusal(HttpStatus.CONFLICT, "您已完成本申请需要的授权或承诺");
    }
    if (due.contains(AUTHORISATION) && !authorisation || due.contains(PLEDGE) && !pledge) {
      throw new CitizenRefusal(HttpStatus.BAD_REQUEST, due.contains(PLEDGE)
          ? "请阅读并同意家庭经济状况核对授权书和申请材料真实性承诺书" : "请阅读并同意家庭经济状况核对授权书");
    }
    Instant now = clock.instant();
    for (String kind : due) {
      repository.insertConsent(draftId, c.idNumber(), kind, c.phone(), "ONLINE", now);
      audit.record(new AuditRecord(AuditKind.CHANGE, "citizen.consented", c.actor(), null, null, null,
          "citizen_application " + draftId, null, AUTHORISATION.equals(kind) ? "签署家庭经济状况核对授权书（网上）"
              : "签署申请材料真实性承诺书（网上）", c.idNumber()));
    }
    if (complete(draftId) && SCHEME_EXPENDITURE.equals(d.scheme())) {
      ExpenditureApplication a = readExpenditure(d.bodyJson());
      String pid;
      try {
        pid = temporary.applyOnline(a, new Citizen(d.filedByIdNumber(), d.filedByPhone()).actor());
      } catch (InvalidExpenditureApplication e) {
        throw new InvalidApplicationException(e.field(), e.getMessage());
      }
      repository.markSubmitted(draftId, pid, now);
      audit.record(new AuditRecord(AuditKind.CHANGE, "citizen.submitted", c.actor(), pid, null, a.regionCode(),
          "citizen_application " + draftId, null, "申请人已授权，支出型临时救助申请已提交（渠道：网上）", c.idNumber()));
    } else if (complete(draftId)) {
      HouseholdApplication application = read(d.bodyJson());
      DibaoCases.StartedCase started = dibao.applyOnline(application, new Citizen(d.filedByIdNumber(),
          d.filedByPhone()).actor());
      repository.markSubmitted(draftId, started.processInstanceId(), now);
      audit.record(new AuditRecord(AuditKind.CHANGE, "citizen.submitted", c.actor(), started.processInstanceId(),
          String.valueOf(started.applicationId()), application.regionCode(), "citizen_application " + draftId, null,
          "全部授权已签署，低保申请已提交（渠道：网上）", c.idNumber()));
    }
    return view(c, repository.draftForUpdate(draftId).orElseThrow());
  }

  private boolean complete(long draftId) {
    List<CitizenRepository.ConsentRow> consents = repository.consents(draftId);
    return repository.persons(draftId).stream().allMatch(p -> due(p, consents).isEmpty());
  }

  private static List<String> due(PersonRow p, List<CitizenRepository.ConsentRow> consents) {
    List<String> due = new ArrayList<>();
    if (p.adult() && consents.stream().noneMatch(k -> k.idNumber().equals(p.idNumber())
        && k.kind().equals(AUTHORISATION))) {
      due.add(AUTHORISATION);
    }
    if (p.applicant() && consents.stream().noneMatch(k -> k.idNumber().equals(p.idNumber())
        && k.kind().equals(PLEDGE))) {
      due.add(PLEDGE);
    }
    return due;
  }

  private DraftRow expireIfDue(DraftRow d) {
    if (d.status().equals("DRAFT") && !d.expiresAt().isAfter(clock.instant())) {
      repository.markExpired(d.id());
      return repository.draftForUpdate(d.id()).orElseThrow();
    }
    return d;
  }

  private DraftView view(Citizen c, DraftRow d) {
    if (SCHEME_EXPENDITURE.equals(d.scheme())) {
      return expenditureView(c, d);
    }
    HouseholdApplication a = read(d.bodyJson());
    Map<String, Member> byId = new LinkedHashMap<>();
    for (Member m : a.memberList()) {
      byId.put(m.idNumber().strip().toUpperCase(), m);
    }
    List<CitizenRepository.ConsentRow> consents = repository.consents(d.id());
    List<PersonView> persons = new ArrayList<>();
    List<String> yours = List.of();
    for (PersonRow p : repository.persons(d.id())) {
      Member m = byId.get(p.idNumber());
      boolean you = p.idNumber().equals(c.idNumber()) && c.phone().equals(p.phone());
      boolean auth = consents.stream().anyMatch(k -> k.idNumber().equals(p.idNumber()) && k.kind().equals(AUTHORISATION));
      boolean pledged = consents.stream().anyMatch(k -> k.idNumber().equals(p.idNumber()) && k.kind().equals(PLEDGE));
      persons.add(new PersonView(m == null ? "" : m.name(), p.idNumber().equals(c.idNumber()) ? p.idNumber()
          : IdNumber.parse(p.idNumber()).masked(), m == null || m.relation() == null ? "" : m.relation().label(),
          p.applicant(), p.adult() || p.applicant(), auth, pledged, you));
      if (you && d.status().equals("DRAFT")) {
        yours = due(p, consents);
      }
    }
    Member self = a.applicant();
    return new DraftView(d.id(), d.scheme(), d.status(), switch (d.status()) {
      case "DRAFT" -> "待家庭成员授权";
      case "SUBMITTED" -> "已提交";
      default -> "已过期";
    }, d.createdAt(), d.expiresAt(), self == null ? "" : self.name(), a.regionCode(), persons, yours,
        d.processInstanceId());
  }

  private DraftView expenditureView(Citizen c, DraftRow d) {
    ExpenditureApplication a = readExpenditure(d.bodyJson());
    List<CitizenRepository.ConsentRow> consents = repository.consents(d.id());
    List<PersonView> persons = new ArrayList<>();
    List<String> yours = List.of();
    for (PersonRow p : repository.persons(d.id())) {
      boolean you = p.idNumber().equals(c.idNumber()) && c.phone().equals(p.phone());
      boolean auth = consents.stream().anyMatch(k -> k.idNumber().equals(p.idNumber()) && k.kind().equals(AUTHORISATION));
      boolean pledged = consents.stream().anyMatch(k -> k.idNumber().equals(p.idNumber()) && k.kind().equals(PLEDGE));
      persons.add(new PersonView(p.applicant() ? a.recipientName() : "", p.idNumber().equals(c.idNumber())
          ? p.idNumber() : IdNumber.parse(p.idNumber()).masked(), p.applicant() ? "申请人" : "代为提交的家庭成员",
          p.applicant(), p.applicant(), auth, pledged, you));
      if (you && d.status().equals("DRAFT")) {
        yours = due(p, consents);
      }
    }
    return new DraftView(d.id(), d.scheme(), d.status(), switch (d.status()) {
      case "DRAFT" -> "待申请人授权";
      case "SUBMITTED" -> "已提交";
      default -> "已过期";
    }, d.createdAt(), d.expiresAt(), a.recipientName(), a.regionCode(), persons, yours, d.processInstanceId());
  }

  private String writeValue(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ExpenditureApplication readExpenditure(String body) {
    try {
      return json.readValue(body, ExpenditureApplication.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored draft unreadable", e);
    }
  }

  private static HouseholdApplication signed(HouseholdApplication a, String applicantPhone) {
    String contact = a.contactPhone() == null || a.contactPhone().isBlank() ? applicantPhone : a.contactPhone();
    return new HouseholdApplication(a.countyCode(), a.regionCode(), a.urbanRural(), a.address(), contact, a.members(),
        a.assets(), true, true, a.agent(), a.bankAccount(), a.separateRegistration(), a.separateRegistrationNote());
  }

  private String write(HouseholdApplication a) {
    try {
      return json.writeValueAsString(a);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private HouseholdApplication read(String body) {
    try {
      return json.readValue(body, HouseholdApplication.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored draft unreadable", e);
    }
  }
}
