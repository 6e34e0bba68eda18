package org.doudi.eligibility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;

/**
 * {@link DibaoDecisions#inForce()}: a batch (a household's assessment, the standard rise, the age step) looks each
 * table's version up once and evaluates every combination on it; the shipped tables' answers through it.
 */
class RatioTablesTest {

  /** The shipped files, counting the look-ups of a version. */
  static final class CountingSource implements DecisionSource {
    final FileDecisions files = new FileDecisions();
    final List<String> lookUps = new ArrayList<>();

    @Override
    public DmnDecision decision(String key) {
      lookUps.add(key);
      return files.decision(key);
    }
  }

  @Test
  void oneLookUpPerTableForAWholeBatch() {
    CountingSource source = new CountingSource();
    DibaoDecisions decisions = new DibaoDecisions(source, source.files.engine());

    DibaoDecisions.RatioTables tables = decisions.inForce();
    for (int age = -1; age <= 100; age++) {
      tables.supplement("220122", age, age % 7 == 0, age % 5 == 0 ? "PHYSICAL" : null, age % 5 == 0 ? 2 : null);
      tables.singlePerson("220122", age % 7 == 0, age % 5 == 0 ? "PHYSICAL" : null, age % 5 == 0 ? 2 : null);
    }

    assertThat(source.lookUps).containsExactly(DibaoDecisions.SUPPLEMENT, DibaoDecisions.SINGLE_PERSON_RATIO);
  }

  @Test
  void answersOfTheShippedTables() {
    DibaoDecisions.RatioTables tables = FileDecisions.decisions().inForce();
    assertThat(tables.supplement("220122", 30, false, null, null).percent()).isZero();
    assertThat(tables.supplement("220122", 10, false, null, null).category()).isEqualTo("MINOR");
    assertThat(tables.supplement("220122", 75, false, null, null).category()).isEqualTo("ELDERLY_70");
    assertThat(tables.supplement("220122", 75, false, null, null).percent())
        .isGreaterThan(tables.supplement("220122", 30, false, null, null).percent());
  }
}
