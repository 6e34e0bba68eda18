package org.doudi.audit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every domain event a module publishes (a record type under {@code org.doudi}: {@code payroll.AwardRecorded},
 * {@code AwardEnded}, {@code eligibility.DibaoStandardAdded}, {@code tekun.*}, …), recorded synchronously in the
 * publisher's transaction. Listening by type would make the audit depend on every module (and a module that also
 * calls {@code AuditTrail} would close a cycle), so the events are read generically: the record's components as JSON,
 * the case reference from components named like the case variables.
 */
@Component
class DomainEvents {

  private final AuditStore store;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  DomainEvents(AuditStore store) {
    this.store = store;
  }

  @EventListener
  void on(Object published) {
    Object event = published instanceof PayloadApplicationEvent<?> p ? p.getPayload() : published;
    Class<?> type = event.getClass();
    if (!type.isRecord() || !type.getName().startsWith("org.doudi.") || type.getName().startsWith("org.doudi.audit.")) {
      return;
    }
    String module = type.getPackageName().substring("org.doudi.".length());
    String body;
    try {
      body = json.writeValueAsString(event);
    } catch (Exception e) {
      body = event.toString();
    }
    // the actor the event names (a payment's recorder, …), else the engine's or the HTTP caller's
    store.insert(new AuditRecord(AuditKind.CHANGE, clip(module + "." + type.getSimpleName()),
        component(event, 0, "actor"),
        component(event, 1, "processInstanceId", "pid"),
        component(event, 1, "businessKey", "beneficiaryKey", "awardKey", "caseRef", "key"),
        component(event, 1, "regionCode", "countyCode"), type.getSimpleName(), null, body,
        component(event, 1, "idNumber")));
  }

  private static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80);
  }

  /** The first component with one of the names, looking one record deep. */
  private static String component(Object record, int depth, String... names) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    for (String name : names) {
      for (RecordComponent c : components) {
        if (c.getName().equals(name)) {
          Object v = value(record, c);
          if (v != null) {
            return String.valueOf(v);
          }
        }
      }
    }
    if (depth > 0) {
      for (RecordComponent c : components) {
        Object v = value(record, c);
        if (v != null && v.getClass().isRecord()) {
          String found = component(v, depth - 1, names);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private static Object value(Object record, RecordComponent c) {
    try {
      c.getAccessor().setAccessible(true);
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
