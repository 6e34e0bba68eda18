package org.doudi.dibao;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.ApplicationSummary;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.Households;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Holding;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a person stands in social assistance, from the stored records only: in a 低保 household or a 特困 person (the
 * province's register, approved or paid), a member of a 低收入家庭 (低保边缘: 吉民发〔2020〕40号 二(一), income below twice
 * the standard), or neither. What schemes that depend on 低保/低收入 status read (the two disability subsidies,
 * docs/disability.md). A 低收入家庭 is one whose latest 低保 case found it so: approved as 单人户 (the household's
 * other members, while its 单人户 benefit is held in the register), or refused with the finding
 * {@code LOW_INCOME_HOUSEHOLD} within {@code doudi.dibao.low-income-validity-months} (default 12) of its assessment.
 */
@Service
public class DibaoStandings {

  /** The person's standing. */
  public enum Kind {
    DIBAO("低保家庭成员"), TEKUN("特困人员"), LOW_INCOME("低收入家庭成员"), NONE("非低保、特困或低收入家庭成员");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The standing, the 低保 application it rests on (null for NONE or a 特困 holding) and how it was found. */
  public record Standing(Kind kind, Long applicationId, String basis) {}

  private final BenefitRegister register;
  private final Households households;
  private final DibaoRepository records;
  private final int validityMonths;

  public DibaoStandings(BenefitRegister register, Households households, DibaoRepository records,
      @Value("${doudi.dibao.low-income-validity-months:12}") int validityMonths) {
    if (validityMonths < 1 || validityMonths > 60) {
      throw new IllegalArgumentException("doudi.dibao.low-income-validity-months must be 1..60: " + validityMonths);
    }
    this.register = register;
    this.households = households;
    this.records = records;
    this.validityMonths = validityMonths;
  }

  /** The person's standing on the day. */
  @Transactional(readOnly = true)
  public Standing of(String idNumber, LocalDate on) {
    Optional<Holding> held = register.find(idNumber).filter(h -> h.status() != Holding.Status.APPLYING);
    if (held.isPresent()) {
      Holding h = held.get();
      Long app = h.holderKey().matches("HH-\\d{1,18}") ? Long.valueOf(h.holderKey().substring(3)) : null;
      Kind kind = "TEKUN".equals(h.scheme()) ? Kind.TEKUN : Kind.DIBAO;
      return new Standing(kind, app, h.schemeLabel() + "（" + h.status().label() + "，案件" + h.caseRef() + "）");
    }
    List<ApplicationSummary> approved = households.withMember(idNumber, ApplicationStatus.APPROVED);
    for (int i = approved.size() - 1; i >= 0; i--) {
      long app = approved.get(i).id();
      String holder = "HH-" + app;
      for (HouseholdApplication.Member m : households.load(app).memberList()) {
        Optional<Holding> other = register.find(m.idNumber());
        if (other.isPresent() && other.get().holderKey().equals(holder)
            && other.get().status() != Holding.Status.APPLYING) {
          return new Standing(Kind.LOW_INCOME, app, "低收入家庭：家庭成员" + m.name() + "参照单人户纳入低保（申请" + app
              + "），本人未纳入");
        }
      }
    }
    List<ApplicationSummary> refused = households.withMember(idNumber, ApplicationStatus.REJECTED);
    for (int i = refused.size() - 1; i >= 0; i--) {
      ApplicationSummary s = refused.get(i);
      if (s.processInstanceId() == null) {
        continue;
      }
      Optional<LocalDate> found = records.lowIncomeFinding(s.processInstanceId());
      if (found.isPresent() && !found.get().plusMonths(validityMonths).isBefore(on)) {
        return new Standing(Kind.LOW_INCOME, s.id(), "低收入家庭：" + found.get() + "低保评估认定家庭月人均收入低于低保标准的2倍"
            + "（申请" + s.id() + "，有效" + validityMonths + "个月）");
      }
    }
    return new Standing(Kind.NONE, null, "不是低保、特困或低收入家庭成员");
  }
}
