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
 * the case reference from components named like the case variables. An event that carries the old and the new
 * state (components {@code before} and {@code after}, e.g. {@code payroll.AwardChangeRequestChanged}) has them
 * stored as the entry's before and after values, a component {@code subject} (table and key) as its subject, and a
 * component {@code action} (the step) after the event's name in the entry's action.
 */
@Component
class DomainEvents {

  private final AuditStore store;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
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
    String before = text(named(event, "before"));
    Object after = named(event, "after");
    String subject = named(event, "subject") instanceof String given ? given : type.getSimpleName();
    // an event that names its step (payment.LedgerChanged STATUS, payroll.AwardChangeRequestChanged DECIDED, …)
    String step = named(event, "action") instanceof String a ? " " + a : "";
    // the actor the event names (a payment's recorder, …), else the engine's or the HTTP caller's
    store.insert(new AuditRecord(AuditKind.CHANGE, clip(module + "." + type.getSimpleName() + step),
        component(event, 0, "actor"),
        component(event, 1, "processInstanceId", "pid"),
        component(event, 1, "businessKey", "beneficiaryKey", "awardKey", "caseRef", "key"),
        component(event, 1, "regionCode", "countyCode"), subject, before, text(after != null ? after : event),
        component(event, 1, "idNumber")));
  }

  /** Strings as they are, anything else as JSON. */
  private String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      return value.toString();
    }
  }

  /** The top-level component of that name, if any. */
  private static Object named(Object record, String name) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        return value(record, c);
      }
    }
    return null;
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
