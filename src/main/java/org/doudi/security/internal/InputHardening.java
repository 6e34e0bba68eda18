package org.doudi.security.internal;

import jakarta.servlet.http.HttpServletResponse;
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
