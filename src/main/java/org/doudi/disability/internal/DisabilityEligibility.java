package org.doudi.disability.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.doudi.dibao.DibaoStandings;
import org.doudi.disability.SubsidyKind;
import org.doudi.household.DisabledMember;
import org.doudi.household.Households;
import org.springframework.stereotype.Component;

/**
 * Whether a person qualifies for a subsidy, from the stored records only: the disability category and grade of the
 * person's latest household record ({@link Households#disabilityRecords}), the standing (低保, 低收入, 特困 or none:
 * {@link DibaoStandings}) and the rules ({@code disability-subsidy-eligibility}).
 */
@Component
public class DisabilityEligibility {

  /** The finding: the record it rests on (empty: no disability on record), the standing and the failures. */
  public record Finding(Optional<DisabledMember> record, DibaoStandings.Standing standing,
      List<DisabilityRules.Failure> failures) {

    public boolean eligible() {
      return record.isPresent() && failures.isEmpty();
    }

    /** The reasons in Chinese, each with its citation. */
    public String reasons() {
      if (record.isEmpty()) {
        return "户籍档案中没有本人的残疾类别和等级记录（残疾人证）";
      }
      if (failures.isEmpty()) {
        return "符合条件（" + standing.kind().label() + "；" + disabilityText(record.get()) + "）";
      }
      return String.join("；", failures.stream().map(f -> f.reason() + "（" + f.citation() + "）").toList());
    }
  }

  private final Households households;
  private final DibaoStandings standings;
  private final DisabilityRules rules;

  public DisabilityEligibility(Households households, DibaoStandings standings, DisabilityRules rules) {
    this.households = households;
    this.standings = standings;
    this.rules = rules;
  }

  public Finding assess(SubsidyKind kind, String idNumber, LocalDate on) {
    List<DisabledMember> records = households.disabilityRecords(idNumber);
    DibaoStandings.Standing standing = standings.of(idNumber, on);
    if (records.isEmpty()) {
      return new Finding(Optional.empty(), standing, List.of());
    }
    DisabledMember latest = records.get(0);
    return new Finding(Optional.of(latest), standing,
        rules.failures(kind, standing.kind().name(), latest.category().name(), latest.grade()));
  }

  static String disabilityText(DisabledMember m) {
    return m.category().label() + gradeText(m.grade());
  }

  static String gradeText(int grade) {
    return switch (grade) {
      case 1 -> "一级";
      case 2 -> "二级";
      case 3 -> "三级";
      default -> "四级";
    };
  }
}
