package org.doudi.payroll.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/**
 * {@link StandardRiseRepository#ageOn}: the age in full years the rise's rules are looked up with, taken in Java from
 * the members' distinct birth dates, is the one the lines' statement joins them on ({@code SR_AGE}): full years on the
 * age day, a birthday on the day itself counting, 29 February reaching its year on 1 March.
 */
class RiseAgeTest {

  @Test
  void fullYearsOnTheAgeDayForEveryBirthDateOfAFewYears() {
    for (LocalDate day : new LocalDate[] {LocalDate.parse("2026-12-31"), LocalDate.parse("2027-02-28"),
        LocalDate.parse("2028-02-29"), LocalDate.parse("2030-06-30")}) {
      for (LocalDate birth = LocalDate.parse("1955-01-01"); birth.isBefore(LocalDate.parse("1961-01-01"));
          birth = birth.plusDays(1)) {
        assertThat(StandardRiseRepository.ageOn(birth, day.getYear(), day.getMonthValue() * 100 + day.getDayOfMonth()))
            .as("born %s on %s", birth, day).isEqualTo(Period.between(birth, day).getYears());
      }
    }
    assertThat(StandardRiseRepository.ageOn(null, 2026, 1231)).isEqualTo(-1);
  }
}
