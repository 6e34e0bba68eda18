package org.doudi.household;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.persistence.HouseholdRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case record of 低保 applications (tables household_application, household_member, member_income,
 * household_asset). Every write validates first and then writes all rows in one transaction (joining the
 * engine's when called from a delegate), so invalid input stores nothing.
 */
@Service
public class Households {

  private final ApplicationValidator validator;
  private final HouseholdRepository repository;

  public Households(ApplicationValidator validator, HouseholdRepository repository) {
    this.validator = validator;
    this.repository = repository;
  }

  /**
   * Validates and stores a new application; returns its id (also the process business key). Its regions must be in
   * use (not abolished).
   *
   * @throws InvalidApplicationException with every violation; nothing is stored
   */
  @Transactional
  public long register(HouseholdApplication application, String registeredBy) {
    validator.validateNew(application);
    if (registeredBy == null || registeredBy.isBlank()) {
      throw new IllegalArgumentException("registeredBy is required");
    }
    return repository.insert(application, registeredBy);
  }

  /**
   * The application as stored, with the current income and assets (after the information check, the checked
   * figures; see {@link #declared(long)} for what the household declared).
   *
   * @throws HouseholdNotFoundException when there is no such application
   */
  @Transactional(readOnly = true)
  public HouseholdApplication load(long id) {
    return repository.load(id, false).orElseThrow(() -> new HouseholdNotFoundException(id));
  }

  /** The application with the income and assets as first declared (revision 0). */
  @Transactional(readOnly = true)
  public HouseholdApplication declared(long id) {
    return repository.load(id, true).orElseThrow(() -> new HouseholdNotFoundException(id));
  }

  /**
   * Links the application to the process instance handling it and sets status IN_PROCESS. Calling it again with
   * the same instance changes nothing; another instance while one is attached is refused.
   */
  @Transactional
  public void attachProcess(long id, String processInstanceId) {
    if (processInstanceId == null || processInstanceId.isBlank()) {
      throw new IllegalArgumentException("processInstanceId is required");
    }
    repository.attachProcess(id, processInstanceId);
  }

  /** Records where the application stands (decision, withdrawal, lapse …). */
  @Transactional
  public void updateStatus(long id, ApplicationStatus status) {
    repository.updateStatus(id, status);
  }

  /**
   * Replaces one member's monthly income by type (after the information check). Types absent from the map are
   * zero. The declared figures stay stored as an earlier revision.
   *
   * @throws InvalidApplicationException for negative or malformed amounts
   * @throws HouseholdNotFoundException for an unknown application or member
   */
  @Transactional
  public void replaceMemberIncome(long id, String idNumber, Map<IncomeType, BigDecimal> monthlyIncome) {
    String who = "身份证号码为" + idNumber + "的成员";
    List<Violation> v = validator.checkIncome("monthlyIncome", who, monthlyIncome == null ? Map.of() : monthlyIncome);
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
    repository.replaceIncome(id, ApplicationValidator.normalise(idNumber), monthlyIncome == null ? Map.of() : monthlyIncome);
  }

  /**
   * Replaces the household's assets (after the information check). The declared list stays stored as an
   * earlier revision.
   */
  @Transactional
  public void replaceAssets(long id, List<Asset> assets) {
    List<Violation> v = validator.checkAssets(assets == null ? List.of() : assets);
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
    repository.replaceAssets(id, assets == null ? List.of() : assets);
  }

  /** Applicant, member count, county, region, flags, status. */
  @Transactional(readOnly = true)
  public ApplicationSummary summary(long id) {
    return repository.summary(id).orElseThrow(() -> new HouseholdNotFoundException(id));
  }

  /** The application a process instance handles, if any. */
  @Transactional(readOnly = true)
  public java.util.Optional<Long> findByProcessInstance(String processInstanceId) {
    return repository.findByProcessInstance(processInstanceId);
  }

  /**
   * The applications with this status in which the person (by ID number) is a member, e.g. APPROVED: the person is
   * on 低保 in this system (used by other schemes that exclude 低保 recipients).
   */
  @Transactional(readOnly = true)
  public List<ApplicationSummary> withMember(String idNumber, ApplicationStatus status) {
    return repository.withMember(ApplicationValidator.normalise(idNumber), status).stream()
        .map(id -> repository.summary(id).orElseThrow()).toList();
  }

  /**
   * Members with a disability category and grade, in order of member id after {@code afterMemberId}, at most
   * {@code limit} (a scan over every application: the two disability subsidies' proactive discovery).
   */
  @Transactional(readOnly = true)
  public List<DisabledMember> disabledMembers(long afterMemberId, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be 1..10000: " + limit);
    }
    return repository.disabledMembers(afterMemberId, limit);
  }

  /** The person's disability records, one per application they are a member of, the latest application first. */
  @Transactional(readOnly = true)
  public List<DisabledMember> disabilityRecords(String idNumber) {
    return repository.disabilityRecords(ApplicationValidator.normalise(idNumber));
  }
}
