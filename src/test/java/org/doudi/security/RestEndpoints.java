package org.doudi.security;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.HttpMethod;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/** Every endpoint the application serves: the Camunda REST API (from its JAX-RS model) and our Spring MVC API. */
final class RestEndpoints {

  record Endpoint(String method, String path) implements Comparable<Endpoint> {
    @Override
    public int compareTo(Endpoint o) {
      return (path + " " + method).compareTo(o.path + " " + o.method);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private RestEndpoints() {}

  /** The REST API's endpoints under {@code prefix}, path parameters filled with a dummy value. */
  static Set<Endpoint> camunda(String prefix) {
    Set<Endpoint> out = new TreeSet<>();
    for (Endpoint e : templates(prefix, CamundaRestResources.getResourceClasses())) {
      out.add(new Endpoint(e.method(), fill(e.path())));
    }
    return out;
  }

  /** The endpoints of JAX-RS root resources under {@code prefix}, path parameters kept as {@code {name}}. */
  static Set<Endpoint> templates(String prefix, Iterable<Class<?>> roots) {
    Set<Endpoint> out = new TreeSet<>();
    for (Class<?> root : roots) {
      Path rootPath = AnnotatedElementUtils.findMergedAnnotation(root, Path.class);
      if (rootPath == null) {
        continue;
      }
      walk(root, prefix + normalise(rootPath.value()), out, new LinkedHashSet<>());
    }
    return out;
  }

  private static void walk(Class<?> type, String base, Set<Endpoint> out, Set<Class<?>> seen) {
    if (!seen.add(type) || seen.size() > 8) {
      return;
    }
    for (Method m : type.getMethods()) {
      Path path = AnnotatedElementUtils.findMergedAnnotation(m, Path.class);
      String method = httpMethod(m);
      String full = base + (path == null ? "" : normalise(path.value()));
      if (method != null) {
        out.add(new Endpoint(method, full.replaceAll("\\{\\s*([\\w-]+)\\s*(:[^}]*)?}", "{$1}")));
      } else if (path != null) {
        // sub-resource locator: its resource's methods hang below this path
        walk(m.getReturnType(), full, out, new LinkedHashSet<>(seen));
      }
    }
  }

  private static String httpMethod(Method m) {
    for (var a : List.of(GET.class, POST.class, PUT.class, DELETE.class, OPTIONS.class, HEAD.class)) {
      if (AnnotatedElementUtils.hasAnnotation(m, a)) {
        return a.getAnnotation(HttpMethod.class).value();
      }
    }
    return null;
  }

  private static String normalise(String p) {
    String s = p.startsWith("/") ? p : "/" + p;
    return s.equals("/") ? "" : s.replaceAll("/$", "");
  }

  /** {id}, {id: .+}, {name} → a value that names nothing. */
  private static String fill(String path) {
    return path.replaceAll("\\{[^}]+}", "x0");
  }

  /** Our own Spring MVC endpoints and the actuator. */
  static Set<Endpoint> spring(List<RequestMappingInfoHandlerMapping> mappings) {
    Set<Endpoint> out = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping : mappings) {
      for (var e : mapping.getHandlerMethods().entrySet()) {
        RequestMappingInfo info = e.getKey();
        HandlerMethod handler = e.getValue();
        Set<String> patterns = info.getPatternValues();
        List<String> methods = new ArrayList<>();
        info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
        if (methods.isEmpty()) {
          methods.add("GET");
        }
        for (String p : patterns) {
          if (p.startsWith("/api") || p.startsWith("/actuator")) {
            methods.forEach(m -> out.add(new Endpoint(m, fill(p.replace("/**", "/x0")))));
          }
        }
        if (handler == null) {
          throw new IllegalStateException("no handler for " + info);
        }
      }
    }
    return out;
  }
}
