package org.doudi.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The value rules a Camunda Form declares for its fields ({@code validate}: required, min, max, minLength, maxLength,
 * pattern; the field type: number with its {@code decimalDigits}, checkbox, select/radio/checklist options), checked on
 * the server for every submitted value: Tasklist checks them only in the browser, and {@code /engine-rest} not at all.
 * A value the form would not accept is refused with the field's label and key in Chinese. Modules check meaning
 * (regions, ID numbers, amounts against evidence) in their own listeners; this is the common floor under them.
 */
record FormRules(Map<String, Field> fields) {

  static final FormRules NONE = new FormRules(Map.of());
  /** A string variable is stored in a 4000-character column: anything longer cannot be a form value. */
  static final int TEXT_LIMIT = 4000;
  /** Numbers without a declared maximum: far above any amount, far below what breaks a column. */
  static final BigDecimal NUMBER_LIMIT = new BigDecimal("1000000000000");
  /** The forms' date fields are text fields with this pattern; the pattern alone lets 2026-13-45 through. */
  private static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  record Field(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
      Integer minLength, Integer maxLength, Pattern pattern, Integer decimalDigits, Set<String> options) {}

  static FormRules of(JsonNode form) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form, fields);
    return new FormRules(Map.copyOf(fields));
  }

  private static void collect(JsonNode node, Map<String, Field> fields) {
    for (JsonNode c : node.path("components")) {
      if (!c.path("path").asText("").isEmpty()) {
        continue; // a dynamic list or group with a path: one JSON variable, checked by the module that reads it
      }
      String key = c.path("key").asText("");
      boolean readOnly = c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false);
      if (!key.isEmpty() && !readOnly) {
        JsonNode v = c.path("validate");
        Set<String> options = new LinkedHashSet<>();
        c.path("values").forEach(o -> options.add(o.path("value").asText()));
        Pattern pattern = null;
        if (v.hasNonNull("pattern")) {
          try {
            pattern = Pattern.compile(v.get("pattern").asText());
          } catch (PatternSyntaxException e) {
            pattern = null; // the model check reports it; the browser could not apply it either
          }
        }
        fields.put(key, new Field(key, c.path("label").asText(key), c.path("type").asText(),
            v.path("required").asBoolean(false) && !c.has("conditional"),
            v.hasNonNull("min") ? v.get("min").decimalValue() : null,
            v.hasNonNull("max") ? v.get("max").decimalValue() : null,
            v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
            v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
            pattern,
            c.hasNonNull("decimalDigits") ? c.get("decimalDigits").asInt() : null,
            Set.copyOf(options)));
      }
      collect(c, fields);
    }
  }

  /**
   * The refusal of the first value the form would refuse, the same exception a module's form check throws (a
   * {@link FormFieldValidationException} naming the field), wrapped as the guard's bad request.
   */
  Optional<BadUserRequestException> refusal(Map<String, Object> submitted) {
    for (String key : submitted.keySet()) {
      Optional<String> p = problem(Map.of(key, submitted.get(key) == null ? "" : submitted.get(key)));
      if (p.isPresent()) {
        return Optional.of(new BadUserRequestException(p.get(), new FormFieldValidationException(key, p.get())));
      }
    }
    return Optional.empty();
  }

  /** The first value of the submission the form would refuse, as a Chinese sentence naming the field. */
  Optional<String> problem(Map<String, Object> submitted) {
    for (Map.Entry<String, Object> e : submitted.entrySet()) {
      Field f = fields.get(e.getKey());
      if (f != null) {
        Object value = e.getValue() instanceof TypedValue t ? t.getValue() : e.getValue();
        Optional<String> p = problem(f, value);
        if (p.isPresent()) {
          return Optional.of("表单字段“" + f.label() + "”（" + f.key() + "）" + p.get());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> problem(Field f, Object value) {
    boolean empty = value == null || (value instanceof String s && s.isBlank());
    if (empty) {
      return f.required() ? Optional.of("为必填项，不能为空") : Optional.empty();
    }
    return switch (f.type()) {
      case "number" -> number(f, value);
      case "checkbox" -> value instanceof Boolean || "true".equals(value) || "false".equals(value) ? Optional.empty()
          : Optional.of("应为是或否（true/false），收到“" + shorten(value) + "”");
      case "select", "radio" -> f.options().isEmpty() || f.options().contains(String.valueOf(value)) ? Optional.empty()
          : Optional.of(notAnOption(f, value));
      case "checklist", "taglist" -> choices(f, value);
      default -> text(f, value);
    };
  }

  private static Optional<String> number(Field f, Object value) {
    if (value instanceof Boolean || value instanceof Map<?, ?> || value instanceof List<?>) {
      return Optional.of("应为数字，收到“" + shorten(value) + "”");
    }
    BigDecimal n;
    try {
      n = new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      return Optional.of("应为数字，收到“" + shorten(value) + "”");
    }
    if (f.min() != null && n.compareTo(f.min()) < 0) {
      return Optional.of("不能小于 " + f.min().toPlainString() + "，收到 " + n.toPlainString());
    }
    if (f.max() != null && n.compareTo(f.max()) > 0) {
      return Optional.of("不能大于 " + f.max().toPlainString() + "，收到 " + n.toPlainString());
    }
    if (f.max() == null && n.abs().compareTo(NUMBER_LIMIT) >= 0) {
      return Optional.of("数值过大：" + n.toPlainString());
    }
    int digits = f.decimalDigits() != null ? f.decimalDigits() : 2;
    if (n.stripTrailingZeros().scale() > digits) {
      return Optional.of("最多保留 " + digits + " 位小数，收到 " + n.toPlainString());
    }
    return Optional.empty();
  }

  private static Optional<String> choices(Field f, Object value) {
    List<String> picked = new ArrayList<>();
    if (value instanceof List<?> l) {
      l.forEach(x -> picked.add(String.valueOf(x)));
    } else {
      try {
        JsonNode n = new ObjectMapper().readTree(value.toString());
        if (!n.isArray()) {
          return Optional.of("应为可选项的列表");
        }
        n.forEach(x -> picked.add(x.asText()));
      } catch (IOException e) {
        return Optional.of("应为可选项的列表");
      }
    }
    for (String p : picked) {
      if (!f.options().isEmpty() && !f.options().contains(p)) {
        return Optional.of(notAnOption(f, p));
      }
    }
    return Optional.empty();
  }

  private static String notAnOption(Field f, Object value) {
    return "的值“" + shorten(value) + "”无效，请选择" + f.label() + "（可选：" + String.join("、", f.options()) + "）";
  }

  private static Optional<String> text(Field f, Object value) {
    if (!(value instanceof String || value instanceof Number)) {
      return Optional.of("应为文本，收到“" + shorten(value) + "”");
    }
    String s = value.toString();
    int limit = f.maxLength() != null ? Math.min(f.maxLength(), TEXT_LIMIT) : TEXT_LIMIT;
    if (s.codePointCount(0, s.length()) > limit) {
      return Optional.of("最多 " + limit + " 个字，收到 " + s.codePointCount(0, s.length()) + " 个字");
    }
    if (f.minLength() != null && s.codePointCount(0, s.length()) < f.minLength()) {
      return Optional.of("至少 " + f.minLength() + " 个字");
    }
    if (f.pattern() != null && !f.pattern().matcher(s).find()) {
      return Optional.of("格式不正确（“" + shorten(s) + "”）");
    }
    if (f.pattern() != null && DATE_PATTERN.equals(f.pattern().pattern()) && !isDate(s)) {
      return Optional.of("不是有效的日期（“" + shorten(s) + "”）");
    }
    return Optional.empty();
  }

  private static boolean isDate(String s) {
    try {
      java.time.LocalDate.parse(s.strip());
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static String shorten(Object v) {
    String s = String.valueOf(v);
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
