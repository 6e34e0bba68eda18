package org.doudi.engine.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A form value refused on the server (a {@link FormFieldValidationException} from a task's complete listener)
 * is bad input, not a server fault. The engine wraps it as a listener failure, which the REST API would answer
 * with 500; this answers 400 with the refusal's own message. Everything else keeps Camunda's handling.
 */
@Priority(1000) // ahead of Camunda's RestExceptionHandler for the same exception type
public class FormRefusalMapper implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof FormFieldValidationException refused) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FormFieldValidationException");
        body.put("message", refused.getMessage());
        Object detail = refused.getDetail();
        body.put("field", detail == null ? null : detail.toString());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
      // resources such as task completion answer every engine exception with 500; a missing object is not a fault
      if (t instanceof NullValueException && exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "NotFound");
        body.put("message", "请求的对象不存在：" + t.getMessage());
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }
}
