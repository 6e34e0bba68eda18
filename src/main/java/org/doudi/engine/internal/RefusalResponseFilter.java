package org.doudi.engine.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A write request to the engine's REST API or the web apps' own engine API that the {@link VariableGuard} or the model
 * sandbox ({@link SandboxDeployer}) refused is answered 400 with the refusal's Chinese message, whatever status
 * Camunda's resource chose for the engine exception (several wrap every engine exception as 500). Only requests
 * refused that way are touched.
 */
public class RefusalResponseFilter extends OncePerRequestFilter {

  /** The refusal of the current thread's request: {type, message}. */
  private static final ThreadLocal<String[]> REFUSAL = new ThreadLocal<>();

  /** Records that the engine refused the current request as bad input (a no-op outside a request). */
  static void refuse(String type, String message) {
    REFUSAL.set(new String[] {type, message});
  }

  private final ObjectMapper json = new ObjectMapper();

  /** Registered for the engine's REST API and the web apps' API only. */
  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<RefusalResponseFilter> refusalResponse() {
      FilterRegistrationBean<RefusalResponseFilter> reg = new FilterRegistrationBean<>(new RefusalResponseFilter());
      reg.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
      reg.setOrder(Ordered.LOWEST_PRECEDENCE - 50);
      return reg;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    REFUSAL.remove();
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, buffered);
      String[] refusal = REFUSAL.get();
      if (refusal != null && buffered.getStatus() != HttpServletResponse.SC_BAD_REQUEST) {
        buffered.resetBuffer();
        buffered.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        buffered.setContentType(MediaType.APPLICATION_JSON_VALUE);
        buffered.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", refusal[0]);
        body.put("message", refusal[1]);
        body.put("code", 0);
        buffered.getOutputStream().write(json.writeValueAsBytes(body));
      }
      buffered.copyBodyToResponse();
    } finally {
      REFUSAL.remove();
    }
  }
}
