package org.doudi.unemployed.internal;

import org.doudi.identity.Role;
import static org.doudi.unemployed.UnemployedVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.household.IdNumber;
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.CaseVariables;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.region.Regions;
import org.doudi.unemployed.UnemployedApplication;
import org.doudi.unemployed.persistence.UnemployedRepository;

/**
 * 登记申请. Applications from {@code POST /api/unemployed/applications} arrive stored (variable applicationId);
 * counter applications arrive as start-form values, validated and stored here inside the start transaction, so an
 * invalid form starts nothing and stores nothing.
 */
@ProcessBean("unemployedRegisterApplication")
public class RegisterApplication implements JavaDelegate {

  private final ApplicationCheck check;
  private final UnemployedRepository repository;
  private final Regions regions;
  private final Staff staff;

  public RegisterApplication(ApplicationCheck check, UnemployedRepository repository, Regions regions, Staff staff) {
    this.staff = staff;
    this.check = check;
    this.repository = repository;
    this.regions = regions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id;
    if (execution.getVariable(APPLICATION_ID) == null) {
      UnemployedApplication a;
      try {
        a = check.validate(StartForm.read(execution, code -> regions.find(code).isEmpty() ? null
            : regions.ancestorAt(code, org.doudi.region.RegionLevel.COUNTY).map(org.doudi.region.Region::code)
                .orElse(null)));
      } catch (InvalidApplicationException e) {
        throw new UnemployedFormException(StartForm.formField(e.violations().get(0).field()), e.getMessage());
      }
      String user = Clock.currentUser();
      if (user != null) {
        StaffMember member = staff.find(user).orElse(null);
        boolean mayFile = member != null && staff.worksWithin(member, a.regionCode(), Role::isCaseworking);
        if (!mayFile) {
          throw new UnemployedFormException("regionCode", "用户" + user + "不负责村（社区）" + a.regionCode()
              + "的申请，请由申请地的村（社区）或乡镇（街道）受理");
        }
      }
      String by = Cases.string(execution, REGISTERED_BY);
      if (by == null || by.isBlank()) {
        by = Clock.currentUser() == null ? "tasklist" : Clock.currentUser();
      }
      id = repository.insert(a, by, Clock.now());
      execution.removeVariables(StartForm.KEYS);
    } else {
      id = Long.parseLong(Cases.string(execution, APPLICATION_ID));
    }
    repository.attachProcess(id, execution.getProcessInstanceId(), Clock.now());
    execution.setProcessBusinessKey(String.valueOf(id));
    UnemployedRepository.Stored s = repository.find(id).orElseThrow();
    UnemployedApplication a = s.application();
    execution.setVariable(APPLICATION_ID, id);
    execution.setVariable(CaseVariables.REGION_CODE, a.regionCode());
    execution.setVariable(REGION_NAME, regions.get(a.regionCode()).name());
    execution.setVariable(COUNTY_CODE, a.countyCode());
    execution.setVariable(APPLICANT_NAME, a.fullName());
    execution.setVariable(ID_NUMBER_MASKED, IdNumber.parse(a.idNumber(), Clock.today()).masked());
    execution.setVariable(REGISTERED_BY, s.registeredBy());
    execution.setVariable(ACCEPTED_AT, Date.from(Clock.now()));
    execution.setVariable(DUPLICATE_DECISION, "");
  }
}
