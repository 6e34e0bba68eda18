package org.doudi.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.doudi.household.IdNumber.InvalidIdNumberException;
import org.doudi.household.IdNumber.Problem;
import org.doudi.household.IdNumber.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {

  static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

  @Test
  void acceptsTheGbExampleWithCheckCharacterX() {
    IdNumber id = IdNumber.parse("34052419800101001X", TODAY);
    assertThat(id.value()).isEqualTo("34052419800101001X");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
    assertThat(id.addressCode()).isEqualTo("340524");
    assertThat(id.provinceCode()).isEqualTo("34");
    assertThat(id.sex()).isEqualTo(Sex.MALE); // sequence 001: odd
    assertThat(id.ageOn(TODAY)).isEqualTo(45);
    assertThat(id.masked()).isEqualTo("340524********001X");
  }

  @Test
  void lowerCaseXIsNormalised() {
    assertThat(IdNumber.parse("34052419800101001x", TODAY).value()).isEqualTo("34052419800101001X");
    assertThat(IdNumber.parse(" 34052419800101001X ", TODAY).value()).isEqualTo("34052419800101001X");
  }

  @ParameterizedTest
  @CsvSource({
      // first 17 digits, expected check character: the first three are published examples (GB 11643 sample,
      // Wikipedia); the last shows that 22012219500101001X, an easy mistake, is not valid (it ends in 4)
      "34052419800101001, X",
      "11010519491231002, X",
      "44052418800101001, 4",
      "22012219500101001, 4"})
  void checkDigitFollowsGb11643(String first17, char expected) {
    assertThat(IdNumber.checkDigit(first17)).isEqualTo(expected);
  }

  @Test
  void sexFromTheSequenceNumber() {
    assertThat(IdNumber.parse(TestApplications.LI_SI, TODAY).sex()).isEqualTo(Sex.FEMALE);
    assertThat(IdNumber.parse(TestApplications.ZHANG_SAN, TODAY).sex()).isEqualTo(Sex.MALE);
  }

  @Test
  void leapDayIsABirthDate() {
    assertThat(IdNumber.parse(TestApplications.id("22012220000229002"), TODAY).birthDate())
        .isEqualTo(LocalDate.of(2000, 2, 29));
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "NULL, MISSING",
      "'   ', MISSING",
      "340524198001010, LENGTH",                 // old 15-digit number
      "34052419800101001X1, LENGTH",
      "3405241980010100AX, CHARACTERS",
      "34052419800101001Y, CHARACTERS",
      "34052419800101001-, CHARACTERS",
      "99052419800101001X, ADDRESS_CODE",        // no province 99
      "00052419800101001X, ADDRESS_CODE",
      "34052419800230001X, BIRTH_DATE",          // 30 February
      "34052419801301001X, BIRTH_DATE",          // month 13
      "34052419010229001X, BIRTH_DATE",          // 1901 was not a leap year
      "34052418991231001X, BIRTH_DATE_TOO_EARLY",
      "34052420250701001X, BIRTH_DATE_FUTURE",   // the day after TODAY
      "340524198001010010, CHECK_DIGIT"})
  void refusesWithTheReason(String number, Problem problem) {
    assertThatThrownBy(() -> IdNumber.parse(number, TODAY))
        .isInstanceOfSatisfying(InvalidIdNumberException.class, e -> assertThat(e.problem()).isEqualTo(problem))
        .hasMessageStartingWith("身份证号码" + problem.text());
  }

  @Test
  void wrongCheckDigitNamesTheRightOne() {
    assertThatThrownBy(() -> IdNumber.parse("340524198001010019", TODAY))
        .isInstanceOfSatisfying(InvalidIdNumberException.class, e -> {
          assertThat(e.expectedCheckDigit()).isEqualTo('X');
          assertThat(e.reason()).isEqualTo("校验位错误，应为X");
        })
        .hasMessage("身份证号码校验位错误，应为X");
  }

  @Test
  void bornTodayIsValid() {
    assertThat(IdNumber.parse(TestApplications.id("22012220250630001"), TODAY).ageOn(TODAY)).isZero();
  }

  @Test
  void isValidAndEquality() {
    assertThat(IdNumber.isValid("34052419800101001X")).isTrue();
    assertThat(IdNumber.isValid("340524198001010011")).isFalse();
    assertThat(IdNumber.parse("34052419800101001x", TODAY)).isEqualTo(IdNumber.parse("34052419800101001X", TODAY));
    assertThat(IdNumber.parse("34052419800101001X", TODAY).toString()).doesNotContain("19800101");
  }
}
