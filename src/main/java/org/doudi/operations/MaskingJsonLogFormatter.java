package org.doudi.operations;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * One JSON object per log line (timestamp, level, logger, thread, message, MDC, stack trace) with ID
 * numbers and bank account numbers masked in the message, the MDC values and the stack trace.
 */
public class MaskingJsonLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

  private final JsonWriter<ILoggingEvent> writer = JsonWriter.<ILoggingEvent>of(m -> {
    m.add("@timestamp", e -> Instant.ofEpochMilli(e.getTimeStamp()).toString());
    m.add("level", e -> e.getLevel().toString());
    m.add("logger", ILoggingEvent::getLoggerName);
    m.add("thread", ILoggingEvent::getThreadName);
    m.add("message", e -> Masking.mask(e.getFormattedMessage()));
    m.add("mdc", e -> maskValues(e.getMDCPropertyMap())).whenNotEmpty();
    m.add("error", ILoggingEvent::getThrowableProxy).whenNotNull()
        .as(t -> Masking.mask(ThrowableProxyUtil.asString(t)));
  }).withNewLineAtEnd();

  @Override
  public String format(ILoggingEvent event) {
    return writer.writeToString(event);
  }

  private static Map<String, String> maskValues(Map<String, String> mdc) {
    if (mdc == null || mdc.isEmpty()) {
      return Map.of();
    }
    var out = new java.util.TreeMap<String, String>();
    mdc.forEach((k, v) -> out.put(k, Masking.mask(v)));
    return out;
  }
}
