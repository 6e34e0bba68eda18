package org.doudi.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The decision tables that set amounts or authority ("money rules"): a new version of one takes effect only after a
 * second person approved it (process {@code rule-approval}, docs/security.md). The one list, as code: a key is a
 * money rule when it matches one of these patterns ({@code *} = any characters). The suffix patterns are the naming
 * convention for tables added later (docs/eligibility.md): a table that sets an amount, a ratio, a supplement, a
 * standard, a ceiling or an authority is named {@code …-amount}, {@code …-ratio}, {@code …-supplement},
 * {@code …-standard}, {@code …-ceiling} or {@code …-authority}. A key stays a money rule once any of its versions was
 * treated as one ({@link RulesInForce#isMoneyRule}), so renaming the pattern away does not free it.
 */
public final class MoneyRules {

  /** Named in issue 14 and every key the application evaluates for money or authority. */
  public static final List<String> PATTERNS = List.of(
      "dibao-supplement", "dibao-single-person-ratio", "dibao-approval-authority", "temporary-approval-authority",
      "unemployed-amount", "price-subsidy-*", "disability-subsidy-amount",
      // the convention for tables added later
      "*-amount", "*-ratio", "*-supplement", "*-standard", "*-standards", "*-ceiling", "*-authority", "*-subsidy",
      "*-subsidy-*");

  private static final List<Pattern> COMPILED = PATTERNS.stream()
      .map(p -> Pattern.compile(Pattern.quote(p).replace("*", "\\E.*\\Q"))).toList();

  private MoneyRules() {}

  /** Whether the key matches the list (without the "once a money rule" memory of {@link RulesInForce}). */
  public static boolean matches(String decisionKey) {
    return decisionKey != null && COMPILED.stream().anyMatch(p -> p.matcher(decisionKey).matches());
  }
}
