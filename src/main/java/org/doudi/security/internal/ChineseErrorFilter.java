package org.doudi.security.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error answer of the APIs reads in Chinese. Our own code answers in Chinese already; Camunda's REST API, the web
 * apps' API, Jersey and the servlet container answer in English (a 404 of an unknown resource, a 415, an engine
 * message such as "Cannot convert value …"). An error answer (status ≥ 400) without a Chinese character is replaced by
 * JSON with the status's meaning in Chinese followed by the original message, so the detail is kept. Successful answers
 * pass through unbuffered.
 */
public class ChineseErrorFilter extends OncePerRequestFilter {

  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MISSING = Pattern.compile(
      "doesn't exist|does not exist|not found|no deployed|is null|is empty|does not have a subscription|Cannot find"
          + "|No .* found", Pattern.CASE_INSENSITIVE);
  private static final Pattern CAMUNDA_NULL = Pattern.compile(
      "org\\.camunda\\.bpm\\.engine\\.rest\\.dto|org\\.camunda\\.bpm\\.engine\\.impl\\.persistence\\.entity"
          + "|because \"this\\.[A-Za-z]+\" is null");
  private static final Pattern INVALID = Pattern.compile(
      "ENGINE-13043|No subscriptions were found|is not valid|Invalid|cannot be converted|Cannot convert",
      Pattern.CASE_INSENSITIVE);

  /**
   * The engine REST API's wrapper around a refusal of ours ("Cannot instantiate process definition dibao:3:…: 申请人…"):
   * Tasklist shows it after its own "无法启动流程", so the caseworker reads only our sentence.
   */
  static final Pattern ENGINE_WRAPPER = Pattern.compile(
      "^(?:Cannot instantiate process definition|Cannot submit task form|Cannot complete task|Cannot resolve task"
          + "|Cannot correlate message|Cannot start process instance)(?: \\S+)?: (.*)$", Pattern.DOTALL);
  /** The web apps' login (…/api/admin/auth/user/default/login/tasklist). */
  static final Pattern WEB_APP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+$");
  static final String LOGIN_REFUSED = "用户名或密码错误、账户已被暂时锁定，或没有使用此应用的权限";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Capture capture = new Capture(response, WEB_APP_LOGIN.matcher(request.getRequestURI()).matches());
    chain.doFilter(request, capture);
    capture.finish();
  }

  /** Passes a success through; holds an error answer until the chain is done. */
  static final class Capture extends HttpServletResponseWrapper {
    private int status = 200;
    private boolean holding;
    private String errorMessage;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private ServletOutputStream heldStream;
    private PrintWriter heldWriter;
    private final boolean login;

    Capture(HttpServletResponse response, boolean login) {
      super(response);
      this.login = login;
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) {
      status = sc;
      holding = true;
      errorMessage = msg;
      held.reset();
    }

    @Override
    public void sendError(int sc) {
      sendError(sc, null);
    }

    @Override
    public void setContentLength(int len) {
      if (status < 400) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (status < 400) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(status >= 400 && "content-length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!holding && status < 400) {
        return super.getOutputStream();
      }
      holding = true;
      if (heldStream == null) {
        heldStream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void write(int b) {
            held.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            held.write(b, off, len);
          }
        };
      }
      return heldStream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!holding && status < 400) {
        return super.getWriter();
      }
      if (heldWriter == null) {
        heldWriter = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return heldWriter;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!holding) {
        super.flushBuffer();
      }
    }

    @Override
    public boolean isCommitted() {
      return !holding && super.isCommitted();
    }

    void finish() throws IOException {
      if (!holding && status < 400) {
        return;
      }
      if (heldWriter != null) {
        heldWriter.flush();
      }
      HttpServletResponse real = (HttpServletResponse) getResponse();
      if (real.isCommitted()) {
        return;
      }
      byte[] body = held.toByteArray();
      String text = new String(body, StandardCharsets.UTF_8);
      if (login && status == 401) {
        // the web apps' login page prints "登录失败" and this message beside it, never the English reason phrase
        Refusals.write(real, 401, "LoginFailed", LOGIN_REFUSED);
        return;
      }
      String unwrapped = unwrap(text);
      if (unwrapped != null) {
        // a sentence of ours refuses the request (a start or task form's value): the request's fault, not the server's
        body = unwrapped.getBytes(StandardCharsets.UTF_8);
        text = unwrapped;
        if (status == 500) {
          status = 400;
        }
      }
      // Chinese of our own, not a Chinese value an English engine message quotes ('张三')
      if (body.length > 0 && CJK.matcher(text.replaceAll("'[^']*'", "")).find()) {
        real.setStatus(status);
        real.setContentLength(body.length);
        real.getOutputStream().write(body);
        return;
      }
      String original = originalMessage(text);
      String type = originalType(text);
      int answer = clientFault(status, type, original);
      String message = Refusals.meaning(answer) + (original == null || original.isBlank()
          || isReasonPhrase(original) ? "" : "：" + original);
      Refusals.write(real, answer, type == null ? "Error" : type, message);
    }

    /**
     * An error body whose message is the engine's English wrapper around a Chinese refusal of ours, with the wrapper
     * taken off (the other fields kept); null for any other body.
     */
    static String unwrap(String text) {
      if (text == null || text.isBlank() || !text.startsWith("{")) {
        return null;
      }
      try {
        JsonNode n = JSON.readTree(text);
        if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.hasNonNull("message")) {
          Matcher m = ENGINE_WRAPPER.matcher(o.get("message").asText());
          if (m.matches() && CJK.matcher(m.group(1)).find()) {
            o.put("message", m.group(1));
            return JSON.writeValueAsString(o);
          }
        }
      } catch (IOException | RuntimeException notJson) {
        // not ours to rewrite
      }
      return null;
    }

    /** "Unauthorized", "Not Found": the status's English name, which the Chinese meaning already says. */
    static boolean isReasonPhrase(String message) {
      return java.util.Arrays.stream(org.springframework.http.HttpStatus.values())
          .anyMatch(h -> h.getReasonPhrase().equalsIgnoreCase(message.strip()));
    }

    /**
     * Camunda's REST resources answer 500 for several faults of the request itself (an id that does not exist, a
     * condition no process waits for, an invalid argument); those are 404 and 400. Any other 500 stays a server error.
     */
    static int clientFault(int status, String type, String message) {
      if ("IllegalStateException".equals(type) && message != null && message.contains("@FormParam is utilized")) {
        return 415; // Jersey: a form resource (the web apps' login) sent JSON
      }
      if ("NullPointerException".equals(type)) {
        // Camunda's REST resources dereference a request's missing field (a DTO's getter, a definition looked up by
        // the id given); a NullPointerException naming our own code stays a server error
        return message != null && !message.contains("org.doudi") && CAMUNDA_NULL.matcher(message).find()
            ? 400 : status;
      }
      // only the engine's and its REST layer's own exceptions: a bug of ours stays 500
      if (status != 500 || type == null || !(type.equals("RestException") || type.endsWith("EngineException")
          || type.endsWith("ValueException") || type.endsWith("NotFoundException") || type.endsWith("NotValidException")
          || type.equals("BadUserRequestException") || type.equals("InvalidRequestException"))) {
        return status;
      }
      String m = message == null ? "" : message;
      if ("NotValidException".equals(type) || "BadUserRequestException".equals(type)
          || "InvalidRequestException".equals(type) || INVALID.matcher(m).find()) {
        return 400;
      }
      if ("NullValueException".equals(type) || "NotFoundException".equals(type) || MISSING.matcher(m).find()) {
        return 404;
      }
      return status;
    }

    private String originalMessage(String text) {
      if (!text.isBlank()) {
        try {
          JsonNode n = JSON.readTree(text);
          for (String k : new String[] {"message", "detail", "error"}) {
            if (n.hasNonNull(k) && !n.get(k).asText().isBlank()) {
              return n.get(k).asText();
            }
          }
        } catch (IOException | RuntimeException notJson) {
          // a container's HTML page: the status says it all
        }
      }
      return errorMessage;
    }

    private static String originalType(String text) {
      try {
        JsonNode n = JSON.readTree(text);
        return n != null && n.hasNonNull("type") ? n.get("type").asText() : null;
      } catch (IOException | RuntimeException notJson) {
        return null;
      }
    }
  }
}
