package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.dibao.DibaoVariables;
import org.doudi.engine.ProcessBean;
import org.doudi.household.ApplicationSummary;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.Households;
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.Scheme;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.register.AlreadyRegisteredException;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Person;

/**
 * 登记申请. Online applications arrive registered (variable {@code applicationId}); counter applications arrive as
 * start-form values, which are validated and registered here, inside the start transaction: an invalid form starts
 * nothing and stores nothing. Then the case record is linked to the instance and the case variables are set.
 */
@ProcessBean("dibaoRegisterApplication")
public class RegisterApplication implements JavaDelegate {

  private final Households households;
  private final BenefitRegister register;
  private final Regions regions;

  public RegisterApplication(Households households, BenefitRegister register, Regions regions) {
    this.households = households;
    this.register = register;
    this.regions = regions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object given = execution.getVariable(APPLICATION_ID);
    long id;
    if (given == null) {
      HouseholdApplication application = StartForm.read(execution, code -> regions.find(code).isEmpty() ? null
          : regions.ancestorAt(code, RegionLevel.COUNTY).map(Region::code).orElse(null));
      String by = CaseContext.string(execution, REGISTERED_BY);
      if (by == null || by.isBlank()) {
        by = CaseContext.currentUser() == null ? "tasklist" : CaseContext.currentUser();
      }
      try {
        id = households.register(application, by);
      } catch (InvalidApplicationException e) {
        var first = e.violations().get(0);
        throw new DibaoFormException(StartForm.formField(first.field()), e.getMessage());
      }
      execution.removeVariables(StartForm.KEYS);
    } else {
      id = CaseContext.number(execution, APPLICATION_ID).longValue();
    }
    households.attachProcess(id, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(String.valueOf(id));
    ApplicationSummary s = households.summary(id);
    claim(id, s, execution, given == null);
    CaseContext.update(execution, APPLICATION_ID, id);
    CaseContext.update(execution, CaseVariables.REGION_CODE, s.regionCode());
    execution.setVariable(REGION_NAME, s.regionName());
    execution.setVariable(COUNTY_CODE, s.countyCode());
    execution.setVariable(APPLICANT_NAME, s.applicantName());
    execution.setVariable(MEMBER_COUNT, s.memberCount());
    execution.setVariable(URBAN_RURAL, s.urbanRural().name());
    execution.setVariable(SEPARATE_REGISTRATION, s.separateRegistration());
    execution.setVariable(NEEDS_DISABILITY_PROOF, s.hasSeriousIllness() || s.hasSevereDisability());
    CaseContext.update(execution, REGISTERED_BY, s.registeredBy());
    execution.setVariable(ACCEPTED_AT, Date.from(CaseContext.now()));
    execution.setVariable(HAS_COMPLAINT, false);
    execution.setVariable(EXTENDED, false);
    execution.setVariable(NOTICE_ROUND, 0);
    execution.setVariable(OBJECTION_HANDLING, "");
    execution.setVariable(DibaoVariables.MATERIALS_COMPLETE, false);
  }

  /**
   * Enters the household's persons in the province's register: a person already in a 低保 or 特困 household, or in
   * an application in progress, refuses the whole application (at the counter on the start form's ID field, online
   * as 409), and nothing of it is stored.
   */
  private void claim(long id, ApplicationSummary s, DelegateExecution execution, boolean counter) {
    HouseholdApplication a = households.load(id);
    try {
      register.claim(CaseContext.holderKey(id), Scheme.DIBAO.name(), execution.getProcessInstanceId(), s.countyCode(),
          s.regionCode(), a.memberList().stream().map(m -> new Person(m.idNumber(), m.name())).toList(),
          s.registeredBy());
    } catch (AlreadyRegisteredException e) {
      if (!counter) {
        throw e;
      }
      throw new DibaoFormException("members", e.getMessage());
    }
  }
}
