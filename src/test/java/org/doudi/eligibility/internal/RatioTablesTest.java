package org.doudi.eligibility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;

/**
 * {@link DibaoDecisions#inForce()}: a batch (a household's assessment, the standard rise, the age step) looks each
 * table's version up once and evaluates every combination on it; the shipped tables' answers through it; the classes
 * of counties a bulk caller evaluates once ({@link DibaoDecisions.RatioTables#countyClass}).
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

  /** The shipped supplement table with its text changed (as an analyst would), the shipped 单人户 table. */
  static DibaoDecisions.RatioTables edited(UnaryOperator<String> edit) {
    FileDecisions files = new FileDecisions();
    DecisionSource source = key -> {
      if (!DibaoDecisions.SUPPLEMENT.equals(key)) {
        return files.decision(key);
      }
      try (InputStream in = RatioTablesTest.class.getClassLoader().getResourceAsStream("processes/rules/" + key
          + ".dmn")) {
        String xml = edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        return files.engine().get().parseDecision(key, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    return new DibaoDecisions(source, files.engine()).inForce();
  }

  static final String R1_COUNTY = "<inputEntry id=\"UnaryTests_R1_County\"><text></text></inputEntry>";
  static final String R4_PERCENT = "<outputEntry id=\"LiteralExpression_R4_Percent\"><text>20</text></outputEntry>";

  @Test
  void countiesNoRuleTellsApartShareAClassAndACountyRuleSetsItsCountyApart() {
    DibaoDecisions.RatioTables shipped = FileDecisions.decisions().inForce();
    assertThat(shipped.countyClass("220122")).isEqualTo(shipped.countyClass("220183"))
        .isEqualTo(shipped.countyClass("220681"));

    // 农安县's own rule for severe disability: 农安县 apart, the others still together
    DibaoDecisions.RatioTables local = edited(xml -> {
      assertThat(xml).contains(R1_COUNTY);
      return xml.replace(R1_COUNTY, R1_COUNTY.replace("<text></text>", "<text>\"220122\"</text>"));
    });
    assertThat(local.countyClass("220122")).isNotEqualTo(local.countyClass("220183"));
    assertThat(local.countyClass("220183")).isEqualTo(local.countyClass("220681"));
    assertThat(sameAnswersWithinAClass(local, "220122", "220183", "220681")).isPositive();

    // a percent that reads the county outside its column: every county its own class
    DibaoDecisions.RatioTables reading = edited(xml -> {
      assertThat(xml).contains(R4_PERCENT);
      return xml.replace(R4_PERCENT, R4_PERCENT.replace("<text>20</text>",
          "<text>if countyCode = \"220122\" then 25 else 20</text>"));
    });
    assertThat(reading.countyClass("220122")).isNotEqualTo(reading.countyClass("220183"));
    assertThat(reading.countyClass("220183")).isNotEqualTo(reading.countyClass("220681"));
    assertThat(reading.supplement("220122", 75, false, null, null).percent()).isEqualTo(25);
    assertThat(reading.supplement("220183", 75, false, null, null).percent()).isEqualTo(20);
  }

  /** Two counties of one class get the same answer for every age, illness and disability tried; the comparisons. */
  static int sameAnswersWithinAClass(DibaoDecisions.RatioTables tables, String... counties) {
    int compared = 0;
    for (String a : counties) {
      for (String b : counties) {
        if (a.equals(b) || !tables.countyClass(a).equals(tables.countyClass(b))) {
          continue;
        }
        for (int age = -1; age <= 100; age += 3) {
          for (String category : new String[] {null, "PHYSICAL", "MENTAL"}) {
            for (Integer grade : new Integer[] {null, 1, 3}) {
              boolean ill = age % 2 == 0;
              assertThat(tables.supplement(a, age, ill, category, grade))
                  .isEqualTo(tables.supplement(b, age, ill, category, grade));
              assertThat(tables.singlePerson(a, ill, category, grade))
                  .isEqualTo(tables.singlePerson(b, ill, category, grade));
              compared++;
            }
          }
        }
      }
    }
    return compared;
  }
}
