package org.doudi.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A controller method's {@code @PreAuthorize} decides before its request body is read and checked: Spring MVC reads
 * and validates the {@code @Valid @RequestBody} before it calls the (method-security) proxy, so a caller without the
 * role would get 400 for a malformed body instead of 403. This interceptor evaluates the same expression, with the
 * same bean references, on the handler method as soon as it is chosen; the proxy's own check still runs afterwards.
 * Our expressions use no method arguments (they are not yet known here); {@code RequestValidationTest} keeps it so.
 */
@Configuration
class AuthorizeBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

  private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

  AuthorizeBeforeBinding(ApplicationContext context) {
    // as method security's own handler: bean references (@processStarters) resolve in this context
    DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
    expressions.setApplicationContext(context);
    preAuthorize.setExpressionHandler(expressions);
    preAuthorize.setApplicationContext(context);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod h && !(h.getBean() instanceof String)) {
      Object[] unknown = new Object[h.getMethod().getParameterCount()];
      AuthorizationResult result = preAuthorize.authorize(
          () -> SecurityContextHolder.getContext().getAuthentication(),
          new SimpleMethodInvocation(h.getBean(), h.getMethod(), unknown));
      if (result != null && !result.isGranted()) {
        throw new AuthorizationDeniedException("Access Denied", result);
      }
    }
    return true;
  }
}
