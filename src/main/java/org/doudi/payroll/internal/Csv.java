package org.doudi.payroll.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV dialect of the bank files: comma, double quotes when a field holds a comma, quote or line break, and only
 * then (as PostgreSQL's COPY … CSV writes every field that is not empty).
 */
public final class Csv {

  private Csv() {}

  public static String field(Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    // quoted only when it must be (docs/payroll.md): an empty field is empty, never ""
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  public static String line(Object... fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(field(fields[i]));
    }
    return b.append('\n').toString();
  }

  /** Splits one line; null when a quote is not closed. */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(cur.toString());
    return out;
  }
}
