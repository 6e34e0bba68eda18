package org.doudi.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Bad input answered with 4xx in Chinese on every way in (docs/security.md, "错误输入与登录加固"): a malformed path
 * refused by Spring Security's firewall (double slash, {@code ;} parameters, encoded slashes…) is 400 rather than the
 * container's 500, bodies meet {@link InputLimitsFilter}, and {@link ChineseErrorFilter} puts every other error
 * answer of the APIs in Chinese.
 */
@Configuration
class InputHardening {

  private static final Logger LOG = LoggerFactory.getLogger(InputHardening.class);
  private static final String[] API_PATHS = {"/api/*", "/engine-rest/*", "/camunda/api/*", "/actuator/*"};

  /** Picked up by Spring Security's FilterChainProxy for every path. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, rejected) -> {
      LOG.warn("Rejected malformed request path from {}: {}", request.getRemoteAddr(), rejected.getMessage());
      Refusals.write(response, HttpServletResponse.SC_BAD_REQUEST, "MalformedPath",
          "请求地址格式不正确（不能含有连续斜杠、分号参数、编码的斜杠或反斜杠、“..”或不可见字符），请检查地址后重试");
    };
  }

  /**
   * Spring Security's firewall runs inside its filter chain, after Spring's own path parsing, which throws (500) on a
   * path such as {@code //engine-rest/task} or {@code /engine-rest;x=y/task}; the same firewall applied first, for
   * every path, refuses them with 400.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> pathFirewall(RequestRejectedHandler handler) {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try {
          firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException rejected) {
          handler.handle(request, response, rejected);
          return;
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> reg = new FilterRegistrationBean<>(filter);
    reg.addUrlPatterns("/*");
    reg.setName("pathFirewall");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return reg;
  }

  /** The container's own error page (a path it cannot even decode, such as {@code %2F}) as Chinese JSON. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> chineseContainerErrors() {
    return new ChineseContainerErrors();
  }

  /** Outermost: sees the answers of Spring Security, the controllers, Jersey and the web apps' API. */
  @Bean
  FilterRegistrationBean<ChineseErrorFilter> chineseErrors() {
    FilterRegistrationBean<ChineseErrorFilter> reg = new FilterRegistrationBean<>(new ChineseErrorFilter());
    reg.addUrlPatterns(API_PATHS);
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return reg;
  }

  /** After authentication (anonymous callers get 401 first), before the expression guard reads the body. */
  @Bean
  FilterRegistrationBean<InputLimitsFilter> inputLimits() {
    FilterRegistrationBean<InputLimitsFilter> reg = new FilterRegistrationBean<>(new InputLimitsFilter());
    reg.addUrlPatterns(API_PATHS);
    reg.setOrder(Ordered.LOWEST_PRECEDENCE - 110);
    return reg;
  }
}
