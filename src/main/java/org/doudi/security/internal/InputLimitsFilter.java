package org.doudi.security.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limits every request body meets before anything reads it, on {@code /api}, {@code /engine-rest} and the web
 * apps' {@code /camunda/api} (docs/security.md, "错误输入与登录加固"):
 * <ul>
 *   <li>size: 1 MiB, 10 MiB for multipart (model deployments) → 413;</li>
 *   <li>content type: JSON, form fields, multipart, or CSV/plain text (bank result files) → else 415;</li>
 *   <li>JSON: well formed, no key twice in one object, no control characters, no markup ({@code <tag}, {@code
 *       javascript:}) in any text (names end up in Tasklist, Cockpit and Admin), no name that a spreadsheet would take
 *       for a formula (a leading {@code = + - @}) → 400.</li>
 * </ul>
 * Each refusal is JSON with a Chinese message naming the field. Passwords are exempt from the text rules (any
 * character may be part of a password).
 */
public class InputLimitsFilter extends OncePerRequestFilter {

  static final int JSON_LIMIT = 1024 * 1024;
  static final int MULTIPART_LIMIT = 10 * 1024 * 1024;
  /** No text of any request is longer: a string variable's column holds 4000 characters, our notes far less. */
  static final int TEXT_LIMIT = 4000;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  /** An HTML tag, comment or declaration, or a script URL: never part of a name, address or note. */
  private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]|javascript\\s*:", Pattern.CASE_INSENSITIVE);
  /** C0 controls except tab, line feed and carriage return; DEL and the C1 controls. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
  private static final Set<String> SECRET_KEYS = Set.of("password", "authenticateduserpassword", "newpassword");
  private static final Set<String> TEXT_TYPES = Set.of("text/csv", "text/plain");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!mayHaveBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    boolean multipart = type.startsWith("multipart/");
    int limit = multipart ? MULTIPART_LIMIT : JSON_LIMIT;
    if (request.getContentLengthLong() > limit) {
      tooLarge(request, response, limit);
      return;
    }
    if (multipart || type.startsWith("application/x-www-form-urlencoded")) {
      // multipart: parsed by the deployment resource, the model sandbox checks its files; form fields (the web apps'
      // login): the container parses them from the stream, which must stay unread
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), limit);
    if (body == null) {
      tooLarge(request, response, limit);
      return;
    }
    if (body.length > 0) {
      Optional<String> problem = Optional.empty();
      int status = HttpServletResponse.SC_BAD_REQUEST;
      if (isJson(type) || type.isEmpty()) {
        if (type.isEmpty() && !looksLikeJson(body)) {
          status = HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
          problem = Optional.of("请求缺少内容类型（Content-Type），请使用 application/json");
        } else {
          problem = jsonProblem(body, exemptFromTextRules(request));
          if (problem.isEmpty() && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problem = EngineValues.problem(body);
          }
        }
      } else if (TEXT_TYPES.stream().noneMatch(type::startsWith)) {
        status = HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
        problem = Optional.of("不支持的内容类型“" + request.getContentType()
            + "”，请使用 application/json（模型部署用 multipart/form-data）");
      }
      if (problem.isPresent()) {
        Refusals.write(response, status, status == 400 ? "InvalidInput" : "UnsupportedMediaType", problem.get());
        return;
      }
    }
    chain.doFilter(new ExpressionGuardFilter.BufferedBodyRequest(request, body), response);
  }

  private static void tooLarge(HttpServletRequest request, HttpServletResponse response, int limit) throws IOException {
    Refusals.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "PayloadTooLarge",
        "请求内容过大：上限为 " + (limit / (1024 * 1024)) + " MiB");
  }

  private static boolean mayHaveBody(HttpServletRequest request) {
    String m = request.getMethod();
    return "POST".equals(m) || "PUT".equals(m) || "PATCH".equals(m) || "DELETE".equals(m);
  }

  private static boolean isJson(String type) {
    return type.startsWith("application/json") || (type.startsWith("application/") && type.contains("+json"));
  }

  private static boolean looksLikeJson(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '{' || b == '[';
      }
    }
    return true;
  }

  /** Null when the stream holds more than the limit. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] b = in.readNBytes(limit + 1);
    return b.length > limit ? null : b;
  }

  /** The web apps' login keeps any character (passwords elsewhere are skipped by key). */
  private static boolean exemptFromTextRules(HttpServletRequest request) {
    return request.getRequestURI().contains("/api/admin/auth/user/");
  }

  /** The first problem of a JSON body: syntax, a duplicated key, or a text the rules refuse. */
  static Optional<String> jsonProblem(byte[] body, boolean exempt) {
    Deque<String> path = new ArrayDeque<>();
    try (JsonParser p = FACTORY.createParser(body)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          if (!exempt) {
            Optional<String> bad = textProblem(name, "字段名“" + shorten(name) + "”", null);
            if (bad.isPresent()) {
              return bad;
            }
          }
        } else if (t == JsonToken.VALUE_STRING && !exempt) {
          String key = p.getParsingContext().getCurrentName();
          if (key != null && SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
            continue;
          }
          if (p.getTextLength() > TEXT_LIMIT) {
            return Optional.of("字段“" + fieldName(p) + "”过长：最多 " + TEXT_LIMIT + " 个字符，收到 " + p.getTextLength() + " 个");
          }
          Optional<String> bad = textProblem(p.getText(), "字段“" + fieldName(p) + "”", fieldName(p));
          if (bad.isPresent()) {
            return bad;
          }
        }
      }
      return Optional.empty();
    } catch (JsonParseException e) {
      String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (msg.startsWith("Duplicate field")) {
        String name = msg.replaceFirst("^Duplicate field '(.*)'$", "$1");
        return Optional.of("JSON 中字段“" + name + "”出现了两次；同一对象中的每个字段只能出现一次");
      }
      return Optional.of("请求内容无法读取：不是有效的 JSON（第 " + e.getLocation().getLineNr() + " 行第 "
          + e.getLocation().getColumnNr() + " 列）");
    } catch (IOException e) {
      return Optional.of("请求内容无法读取");
    }
  }

  /** The variable or field a text belongs to: for Camunda's {"name":{"value":…}} the variable's name. */
  private static String fieldName(JsonParser p) {
    var ctx = p.getParsingContext();
    String key = ctx.getCurrentName();
    if ("value".equals(key) && ctx.getParent() != null && ctx.getParent().getCurrentName() != null) {
      return ctx.getParent().getCurrentName();
    }
    return key == null ? "（数组元素）" : key;
  }

  static Optional<String> textProblem(String text, String where, String key) {
    if (CONTROL.matcher(text).find()) {
      return Optional.of(where + "含有控制字符，请删除不可见字符后重新提交");
    }
    if (MARKUP.matcher(text).find()) {
      return Optional.of(where + "不能包含 HTML 标记或脚本（“<”后接字母、javascript:）");
    }
    if (key != null && isName(key) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      return Optional.of(where + "不能以 =、+、-、@ 开头（导出到表格时会被当作公式）");
    }
    return Optional.empty();
  }

  /** Names of people, banks, places, users, groups and deployments: shown in lists and exported files. */
  private static boolean isName(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith("name") || k.equals("householdhead") || k.startsWith("investigator") || k.equals("payee")
        || k.equals("reviewer") || k.equals("handler");
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
