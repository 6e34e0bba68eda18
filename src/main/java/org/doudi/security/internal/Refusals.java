package org.doudi.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;

/** The JSON shape of a refusal written before a request reaches a controller or Camunda's REST API. */
final class Refusals {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Refusals() {}

  static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("type", type);
    body.put("message", message);
    byte[] bytes = JSON.writeValueAsBytes(body);
    // a length set for the answer this one replaces must not stay (the client would wait for bytes never sent)
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** What a status means, in the words a caseworker reads. */
  static String meaning(int status) {
    return switch (status) {
      case 400 -> "请求内容有误";
      case 401 -> "需要登录";
      case 403 -> "当前用户无权执行此操作";
      case 404 -> "请求的对象或地址不存在";
      case 405 -> "此地址不支持该请求方法";
      case 406 -> "无法提供所要求的响应格式";
      case 409 -> "与当前状态冲突";
      case 413 -> "请求内容过大";
      case 414 -> "请求地址过长";
      case 415 -> "不支持的内容类型";
      case 422 -> "请求无法处理";
      case 429 -> "请求过于频繁";
      default -> status >= 500 ? "服务器内部错误" : "请求未能完成";
    };
  }
}
