package org.doudi.security.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Camunda's typed values ({@code {"name":{"value":…,"type":"Long"}}}) in a body for the engine's REST API or the web
 * apps' API: an unknown type, or a value its type cannot hold, is refused here naming the variable. Camunda would
 * refuse it too, but without naming the variable, in English, and on some resources with 500.
 */
final class EngineValues {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TYPES = Set.of("boolean", "bytes", "short", "integer", "long", "double", "date",
      "string", "null", "object", "json", "xml", "file");

  private EngineValues() {}

  static Optional<String> problem(byte[] body) {
    try {
      return walk(JSON.readTree(body), null);
    } catch (IOException e) {
      return Optional.empty(); // syntax was checked before
    }
  }

  private static Optional<String> walk(JsonNode node, String name) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject() && name != null && node.has("type") && node.get("type").isTextual()
        && (node.has("value") || node.size() <= 3)) {
      Optional<String> p = typed(name, node.get("type").asText(), node.get("value"));
      if (p.isPresent()) {
        return p;
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        Optional<String> p = walk(e.getValue(), e.getKey());
        if (p.isPresent()) {
          return p;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode n : node) {
        Optional<String> p = walk(n, null);
        if (p.isPresent()) {
          return p;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> typed(String name, String type, JsonNode value) {
    String t = type.toLowerCase();
    if (!TYPES.contains(t)) {
      // not a typed value after all (e.g. a group's "type"): only objects that also carry a value are judged
      return value == null ? Optional.empty()
          : Optional.of("变量“" + name + "”的类型“" + type + "”不存在（可用：String、Long、Integer、Double、Boolean、Date、Json 等）");
    }
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    boolean ok = switch (t) {
      case "boolean" -> value.isBoolean() || "true".equals(value.asText()) || "false".equals(value.asText());
      case "short", "integer", "long" -> integral(value, t);
      case "double" -> value.isNumber() || decimal(value.asText());
      case "string", "date", "json", "xml", "object", "bytes", "file" -> !value.isContainerNode() || t.equals("json")
          || t.equals("object");
      default -> true;
    };
    return ok ? Optional.empty() : Optional.of("变量“" + name + "”的值“" + shorten(value.toString()) + "”不是 " + type
        + " 类型");
  }

  private static boolean integral(JsonNode v, String type) {
    BigDecimal d;
    try {
      d = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
    } catch (NumberFormatException e) {
      return false;
    }
    if (d.stripTrailingZeros().scale() > 0) {
      return false;
    }
    BigDecimal max = BigDecimal.valueOf(switch (type) {
      case "short" -> Short.MAX_VALUE;
      case "integer" -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    });
    return d.abs().compareTo(max) <= 0;
  }

  private static boolean decimal(String s) {
    try {
      new BigDecimal(s.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String shorten(String s) {
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
