package org.doudi.engine.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON body that does not fit the REST API's request (a text where an object belongs, an object where a list does)
 * is answered 400 naming the JSON path in Chinese; Camunda's own mapper answers in English without the path.
 */
@Priority(1000) // ahead of Camunda's JsonMappingExceptionHandler
public class JsonRefusalMapper implements ExceptionMapper<JsonMappingException> {

  @Override
  public Response toResponse(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", path.length() == 0 ? "请求内容的结构不正确（应为 JSON 对象）"
        : "字段“" + path + "”的值类型不正确（例如变量应写作 {\"名称\":{\"value\":…}}）");
    body.put("field", path.toString());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
