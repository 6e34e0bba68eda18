package org.doudi.tekun.internal;

import static org.doudi.tekun.TekunChangeVariables.EXEMPT_GROUNDS;
import static org.doudi.tekun.TekunChangeVariables.GROUNDS;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.doudi.engine.EngineContext;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.ExitAssessment;
import org.doudi.payroll.ExitDecision;
import org.doudi.payroll.Exits;
import org.doudi.register.BenefitRegister;
import org.doudi.tekun.TekunPerson;
import org.doudi.tekun.TekunSupportEnded;
import org.doudi.tekun.persistence.TekunChangeRepository;
import org.doudi.tekun.persistence.TekunChangeRepository.Change;
import org.doudi.tekun.persistence.TekunPersonRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a person's 特困 support in one transaction: payroll's exit decision stops the TEKUN award from the month after
 * the decision (TEKUN has no 渐退期; DEATH and MOVED_AWAY need no relapse-risk assessment, every other ground carries
 * the township's), which releases the person from the register and publishes payroll's {@code AwardEnded} (module
 * watch puts the person on its list); the support record becomes ENDED, the case is closed with the written notice,
 * and {@link TekunSupportEnded} is published. A repeat (a retried job) finds the record ended and changes nothing.
 */
@Component
public class SupportEnding {

  private final TekunPersonRepository persons;
  private final TekunChangeRepository changes;
  private final Exits exits;
  private final Awards awards;
  private final BenefitRegister register;
  private final ApplicationEventPublisher events;

  public SupportEnding(TekunPersonRepository persons, TekunChangeRepository changes, Exits exits, Awards awards,
      BenefitRegister register, ApplicationEventPublisher events) {
    this.persons = persons;
    this.changes = changes;
    this.exits = exits;
    this.awards = awards;
    this.register = register;
    this.events = events;
  }

  /** @return the last month supported (paid) */
  @Transactional
  public YearMonth end(long changeId, String ground, String facts, LocalDate decidedOn, String actor) {
    Change c = changes.lock(changeId);
    TekunPerson p = persons.lock(c.tekunPersonId()).orElseThrow();
    if ("ENDED".equals(p.status())) {
      changes.close(changeId, "ENDED", String.valueOf(p.lastSupportedMonth()), EngineContext.now());
      return p.lastSupportedMonth();
    }
    String key = awardKey(p);
    String label = GROUNDS.getOrDefault(ground, ground);
    ExitAssessment a = EXEMPT_GROUNDS.contains(ground) ? ExitAssessment.exempt(ground)
        : new ExitAssessment("OTHER", c.riskIncomeStability(), c.riskHealth(), c.riskDebts(), c.riskDependants(),
            clip("特困人员终止救助供养：" + label, 1000));
    String reason = clip(label + "。" + (facts == null ? "" : facts), 500);
    YearMonth last;
    String notice;
    Optional<AwardRow> award = awards.latest(key, Scheme.TEKUN).filter(AwardRow::active);
    if (award.isPresent()) {
      ExitDecision d = exits.decide(key, Scheme.TEKUN, a, "tekun-change-" + changeId, reason, decidedOn, actor,
          null);
      last = d.lastPaidMonth();
      notice = d.notice();
    } else { // no award paying (never granted, or stopped elsewhere): the record and the register still end
      last = YearMonth.from(decidedOn);
      register.release(key, "终止特困人员救助供养：" + label, actor);
      notice = null;
    }
    persons.end(p.id(), last, ground, EngineContext.now());
    changes.setDecision(changeId, decidedOn, actor, EngineContext.now());
    changes.close(changeId, "ENDED", last.toString(), EngineContext.now());
    changes.record(changeId, "ENDED", "终止救助供养：" + label + "。自" + last.plusMonths(1) + "起停止发放救助供养金（最后发放月份"
        + last + "），退出低保、特困一人一保登记。" + (notice == null ? "" : "\n" + notice), actor, EngineContext.now());
    events.publishEvent(new TekunSupportEnded(p.id(), p.idNumber(), p.countyCode(), p.regionCode(), last, ground));
    return last;
  }

  /** The beneficiary key of the person's TEKUN award (P-&lt;idNumber&gt; unless the record names another). */
  static String awardKey(TekunPerson p) {
    return p.awardKey() != null && !p.awardKey().isBlank() ? p.awardKey() : "P-" + p.idNumber();
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
