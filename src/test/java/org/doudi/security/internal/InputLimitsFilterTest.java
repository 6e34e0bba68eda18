package org.doudi.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON rules of {@link InputLimitsFilter} and {@link EngineValues}, without a server (the corpus runs in BadInputIT). */
class InputLimitsFilterTest {

  static Optional<String> problem(String json) {
    return InputLimitsFilter.jsonProblem(json.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void refusesDuplicatedKeysMarkupControlCharactersAndFormulaNames() {
    assertThat(problem("{\"amount\":1,\"amount\":1000}")).get().asString().contains("amount").contains("两次");
    assertThat(problem("{\"a\":{\"b\":1,\"b\":2}}")).get().asString().contains("“b”");
    assertThat(problem("{\"name\":\"<img src=x onerror=alert(1)>\"}")).get().asString().contains("HTML");
    assertThat(problem("{\"note\":\"a\\u0000b\"}")).get().asString().contains("note").contains("控制字符");
    assertThat(problem("{\"payeeName\":\"=cmd|' /C calc'!A0\"}")).get().asString().contains("payeeName").contains("公式");
    assertThat(problem("{\"variables\":{\"householdHead\":{\"value\":\"@SUM(1)\"}}}")).get().asString()
        .contains("householdHead");
    assertThat(problem("{\"a\":\"" + "长".repeat(4001) + "\"}")).get().asString().contains("4000");
    assertThat(problem("{\"a\":")).get().asString().contains("JSON");
  }

  @Test
  void acceptsOrdinaryTextsPhonesNumbersAndPasswords() {
    assertThat(problem("{\"contactPhone\":\"+86 431 1234567\",\"reason\":\"收入<1000元\",\"amount\":-5}")).isEmpty();
    assertThat(problem("{\"credentials\":{\"password\":\"<Abc-123!>\"}}")).isEmpty();
    assertThat(problem("{\"note\":\"第一行\\n第二行\\t完\"}")).isEmpty();
  }

  @Test
  void engineValuesMustFitTheirType() {
    assertThat(EngineValues.problem(bytes("{\"variables\":{\"size\":{\"value\":\"三\",\"type\":\"Integer\"}}}")))
        .get().asString().contains("size").contains("Integer");
    assertThat(EngineValues.problem(bytes("{\"variables\":{\"size\":{\"value\":2.5,\"type\":\"Long\"}}}"))).isPresent();
    assertThat(EngineValues.problem(bytes("{\"variables\":{\"x\":{\"value\":1,\"type\":\"Nope\"}}}"))).get().asString()
        .contains("Nope");
    assertThat(EngineValues.problem(bytes("{\"variables\":{\"size\":{\"value\":\"3\",\"type\":\"Long\"},"
        + "\"ok\":{\"value\":true,\"type\":\"Boolean\"}}}"))).isEmpty();
    assertThat(EngineValues.problem(bytes("{\"id\":\"g\",\"name\":\"组\",\"type\":\"WORKFLOW\"}"))).isEmpty();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
