package org.doudi.security.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses any request whose query string or body carries an expression ({@code ${…}} or {@code #{…}}).
 * Camunda evaluates expressions in task queries; on 7.24 it does so inside the {@code orQueries} of an
 * ad-hoc query even with {@code enableExpressionsInAdhocQueries=false}. Stored filters are the one place
 * expressions belong, and only administrators may write them (engine authorization on FILTER).
 */
public class ExpressionGuardFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ExpressionGuardFilter.class);
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
  /** Stored task filters: {@code POST …/filter/create}, {@code PUT …/filter/{id}}. */
  private static final Pattern FILTER_WRITE = Pattern.compile(".*/filter/(create|[^/]+)$");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> found = inQuery(request.getQueryString());
    HttpServletRequest forward = request;
    if (found.isEmpty() && hasBody(request) && !carriesExpressionsOrSecrets(request)) {
      byte[] body = request.getInputStream().readAllBytes();
      forward = new BufferedBodyRequest(request, body);
      found = inBody(request.getContentType(), body);
    }
    if (found.isPresent()) {
      LOG.warn("Rejected expression in {} {} ({}) from {}", request.getMethod(), request.getRequestURI(), found.get(),
          request.getRemoteUser());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getWriter(), Map.of(
          "status", 400,
          "type", "ExpressionNotAllowed",
          "message", "请求中不允许包含表达式（${…} 或 #{…}）：" + found.get()));
      return;
    }
    chain.doFilter(forward, response);
  }

  static Optional<String> inQuery(String query) {
    if (query == null || query.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      String decoded = decode(pair);
      if (EXPRESSION.matcher(decoded).find()) {
        int eq = decoded.indexOf('=');
        return Optional.of("参数 " + (eq > 0 ? decoded.substring(0, eq) : decoded));
      }
    }
    return Optional.empty();
  }

  Optional<String> inBody(String contentType, byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    String type = contentType == null ? "" : contentType.toLowerCase();
    if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
      return inQuery(new String(body, StandardCharsets.UTF_8));
    }
    try {
      // JSON escapes (\u0024{) must not hide an expression, so inspect the parsed strings
      return inJson(json.readTree(body), "");
    } catch (IOException notJson) {
      String raw = new String(body, StandardCharsets.UTF_8);
      return EXPRESSION.matcher(raw).find() ? Optional.of("请求体") : Optional.empty();
    }
  }

  private static Optional<String> inJson(JsonNode node, String path) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return EXPRESSION.matcher(node.asText()).find() ? Optional.of("字段 " + path) : Optional.empty();
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (EXPRESSION.matcher(e.getKey()).find()) {
          return Optional.of("字段名 " + p);
        }
        Optional<String> f = inJson(e.getValue(), p);
        if (f.isPresent()) {
          return f;
        }
      }
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> f = inJson(node.get(i), path + "[" + i + "]");
        if (f.isPresent()) {
          return f;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasBody(HttpServletRequest request) {
    String m = request.getMethod();
    if (!("POST".equals(m) || "PUT".equals(m) || "PATCH".equals(m) || "DELETE".equals(m))) {
      return false;
    }
    String type = request.getContentType();
    // multipart (deployments) carries models, which are full of expressions by design
    return type == null || !type.toLowerCase().startsWith("multipart/");
  }

  /**
   * Bodies that are never evaluated as queries: stored filters (expressions by design, admin only) and
   * passwords (login, credentials), which may contain any characters.
   */
  private static boolean carriesExpressionsOrSecrets(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String method = request.getMethod();
    return ("POST".equals(method) && uri.endsWith("/filter/create"))
        || ("PUT".equals(method) && FILTER_WRITE.matcher(uri).matches())
        || uri.contains("/api/admin/auth/user/")
        || ("PUT".equals(method) && uri.endsWith("/credentials"))
        || ("POST".equals(method) && uri.endsWith("/user/create"));
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s;
    }
  }

  /** Replays a body that was read for inspection. */
  static final class BufferedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String enc = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(enc)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
