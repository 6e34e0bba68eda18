package org.doudi.tekun.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.doudi.tekun.TekunAssessment;
import org.doudi.tekun.TekunFacts;
import org.springframework.stereotype.Component;

/** The case's stored facts and assessment as JSON (tekun_case.declared_json, facts_json, assessment_json). */
@Component
public class CaseJson {

  private final ObjectMapper mapper;

  public CaseJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
    }
  }

  public TekunFacts facts(String json) {
    return read(json, TekunFacts.class);
  }

  public TekunAssessment assessment(String json) {
    return read(json, TekunAssessment.class);
  }

  private <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " unreadable", e);
    }
  }
}
