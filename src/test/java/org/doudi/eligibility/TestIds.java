package org.doudi.eligibility;

/** Valid GB 11643 ID numbers for tests: 17 digits plus the computed check digit. */
public final class TestIds {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private TestIds() {}

  /** {@code id("220122", "19500101", "001")} → 22012219500101001X-style number with its check digit. */
  public static String id(String address, String birth, String sequence) {
    String first17 = address + birth + sequence;
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK[sum % 11];
  }
}
