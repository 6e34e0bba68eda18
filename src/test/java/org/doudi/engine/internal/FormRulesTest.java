package org.doudi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The server-side check of a form's declared rules (every deployed form is tried in BadInputIT). */
class FormRulesTest {

  static final String FORM = """
      {"components":[
        {"type":"number","key":"amount","label":"金额（元）","validate":{"required":true,"min":0.01,"max":1000}},
        {"type":"number","key":"size","label":"人数","decimalDigits":0},
        {"type":"select","key":"kind","label":"类型","values":[{"value":"A"},{"value":"B"}]},
        {"type":"textfield","key":"id","label":"身份证号码","validate":{"pattern":"^[0-9]{17}[0-9Xx]$","maxLength":18}},
        {"type":"textfield","key":"on","label":"日期","validate":{"pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}},
        {"type":"textfield","key":"fixed","label":"只读","disabled":true},
        {"type":"checkbox","key":"signed","label":"已签字"}]}
      """;

  static FormRules rules() throws Exception {
    return FormRules.of(new ObjectMapper().readTree(FORM));
  }

  @Test
  void refusesWhatTheFormWouldRefuseNamingTheField() throws Exception {
    FormRules r = rules();
    assertThat(r.problem(Map.of("amount", -1))).get().asString().contains("金额（元）").contains("amount").contains("0.01");
    assertThat(r.problem(Map.of("amount", 1000.01))).get().asString().contains("1000");
    assertThat(r.problem(Map.of("amount", "12.345"))).get().asString().contains("小数");
    assertThat(r.problem(Map.of("amount", "abc"))).get().asString().contains("数字");
    assertThat(r.problem(Map.of("amount", ""))).get().asString().contains("必填");
    assertThat(r.problem(Map.of("size", 2.5))).get().asString().contains("size");
    assertThat(r.problem(Map.of("size", 1e15))).get().asString().contains("过大");
    assertThat(r.problem(Map.of("kind", "C"))).get().asString().contains("请选择类型");
    assertThat(r.problem(Map.of("id", "12345"))).get().asString().contains("格式");
    assertThat(r.problem(Map.of("on", "2026-02-30"))).get().asString().contains("日期");
    assertThat(r.problem(Map.of("signed", "perhaps"))).get().asString().contains("signed");
    assertThat(r.problem(Map.of("amount", Variables.longValue(5000L)))).isPresent();
  }

  @Test
  void acceptsValidValuesAndLeavesOtherFieldsToTheGuard() throws Exception {
    FormRules r = rules();
    assertThat(r.problem(Map.of("amount", "600.00", "size", 3, "kind", "B", "id", "22012219500101001X",
        "on", "2026-02-28", "signed", true))).isEmpty();
    assertThat(r.problem(Map.of("fixed", "x".repeat(5000), "unknown", "y"))).isEmpty();
  }
}
