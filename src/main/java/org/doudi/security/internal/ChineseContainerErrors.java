package org.doudi.security.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Replaces Tomcat's HTML error report (written when a request fails before any filter, e.g. an encoded slash or
 * backslash in the path) with the JSON refusal the rest of the application writes, in Chinese. Ordered last, so that
 * it replaces the report valve Spring Boot configures.
 */
class ChineseContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        for (Valve v : host.getPipeline().getValves()) {
          if (v instanceof ErrorReportValve) {
            host.getPipeline().removeValve(v);
          }
        }
        host.setErrorReportValveClass(JsonReport.class.getName());
        host.getPipeline().addValve(new JsonReport());
      }
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Tomcat's report valve, writing {"status","type","message"} without server details or stack traces. */
  public static class JsonReport extends ErrorReportValve {

    public JsonReport() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String message = Refusals.meaning(status) + (status == 400 ? "：请求地址或请求格式不正确（例如地址中含有编码的斜杠、反斜杠或不可见字符）" : "");
        Writer w = response.getReporter();
        if (w != null) {
          w.write("{\"status\":" + status + ",\"type\":\"ContainerError\",\"message\":\"" + message + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the connection is gone: nothing to tell
      }
    }
  }
}
