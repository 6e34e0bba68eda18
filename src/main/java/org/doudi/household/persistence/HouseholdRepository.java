package org.doudi.household.persistence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.ApplicationSummary;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.springframework.stereotype.Repository;

/** SQL for the household tables (work in progress). */
@Repository
public class HouseholdRepository {

  public long insert(HouseholdApplication a, String registeredBy) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public Optional<HouseholdApplication> load(long id, boolean declared) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public void attachProcess(long id, String processInstanceId) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public void updateStatus(long id, ApplicationStatus status) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public void replaceIncome(long id, String idNumber, Map<IncomeType, BigDecimal> income) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public void replaceAssets(long id, List<Asset> assets) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public Optional<ApplicationSummary> summary(long id) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public Optional<Long> findByProcessInstance(String processInstanceId) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
