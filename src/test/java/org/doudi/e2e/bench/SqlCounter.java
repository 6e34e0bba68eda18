package org.doudi.e2e.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts the SQL statements an engine sends through its data source (a JDK proxy around it): statements by their
 * text (a batch's rows one by one) and database round trips (an executed statement or a batch). The benchmark reads
 * the counts before and after a scenario to say where the time of a user task goes.
 */
final class SqlCounter {

  private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();
  private final LongAdder roundTrips = new LongAdder();

  DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, (m, args, result) -> m.getName().equals("getConnection")
        ? proxy(Connection.class, result, this::onConnection) : result);
  }

  private Object onConnection(Method m, Object[] args, Object result) {
    return switch (m.getName()) {
      case "prepareStatement" -> statement(PreparedStatement.class, result, (String) args[0]);
      case "prepareCall" -> statement(CallableStatement.class, result, (String) args[0]);
      case "createStatement" -> statement(Statement.class, result, null);
      default -> result;
    };
  }

  private Object statement(Class<? extends Statement> type, Object target, String sql) {
    return proxy(type, target, (m, args, result) -> {
      String name = m.getName();
      String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
      if (name.equals("addBatch")) {
        count(text);
      } else if (name.equals("executeBatch")) {
        roundTrips.increment();
      } else if (name.startsWith("execute")) {
        count(text);
        roundTrips.increment();
      }
      return result;
    });
  }

  private void count(String sql) {
    String key = key(sql);
    statements.computeIfAbsent(key, k -> new LongAdder()).increment();
    if (TRACE != null && key.contains(TRACE)) {
      trace();
    }
  }

  /** -Dbench.traceSql=text: the distinct call paths of the statements containing it, printed at the end. */
  private static final String TRACE = System.getProperty("bench.traceSql");
  private static final Map<String, LongAdder> TRACES = new ConcurrentHashMap<>();

  static {
    if (TRACE != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> TRACES.entrySet().stream()
          .sorted(Map.Entry.comparingByValue(Comparator.comparingLong(LongAdder::sum).reversed()))
          .forEach(e -> System.out.println(e.getValue().sum() + " × " + e.getKey() + "\n"))));
    }
  }

  private static void trace() {
    StringBuilder path = new StringBuilder();
    for (StackTraceElement f : new Throwable().getStackTrace()) {
      String c = f.getClassName();
      if ((c.startsWith("org.doudi.") && !c.startsWith("org.doudi.e2e.bench.SqlCounter"))
          || c.endsWith("Cmd") || c.contains("Provider") || c.contains("Listener") || c.contains("Handler")) {
        path.append("\n    ").append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(f.getMethodName())
            .append(':').append(f.getLineNumber());
      }
    }
    TRACES.computeIfAbsent(path.toString(), k -> new LongAdder()).increment();
  }

  /**
   * Normalised texts by statement text: the same few hundred texts recur, and normalising each execution with a
   * regular expression was a large share of the Java time a profile of column b showed (docs/benchmarks/dibao.md), which
   * it then counted as the engine's.
   */
  private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

  static String key(String sql) {
    if (sql == null) {
      return "?";
    }
    String known = KEYS.get(sql);
    if (known != null) {
      return known;
    }
    String s = WHITESPACE.matcher(sql).replaceAll(" ").trim();
    s = s.length() > 150 ? s.substring(0, 150) : s;
    if (KEYS.size() < 20_000) {
      KEYS.put(sql, s);
    }
    return s;
  }

  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  Snapshot snapshot() {
    Map<String, Long> m = new HashMap<>();
    statements.forEach((k, v) -> m.put(k, v.sum()));
    return new Snapshot(m, roundTrips.sum());
  }

  record Snapshot(Map<String, Long> statements, long roundTrips) {
    Snapshot minus(Snapshot before) {
      Map<String, Long> m = new HashMap<>();
      statements.forEach((k, v) -> {
        long d = v - before.statements.getOrDefault(k, 0L);
        if (d > 0) {
          m.put(k, d);
        }
      });
      return new Snapshot(m, roundTrips - before.roundTrips);
    }

    long total() {
      return statements.values().stream().mapToLong(Long::longValue).sum();
    }

    List<Map.Entry<String, Long>> top(int n) {
      return statements.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
          .limit(n).toList();
    }
  }

  static Snapshot add(Snapshot x, Snapshot y) {
    Map<String, Long> m = new HashMap<>(x.statements());
    y.statements().forEach((k, v) -> m.merge(k, v, Long::sum));
    return new Snapshot(m, x.roundTrips() + y.roundTrips());
  }

  private interface After {
    Object apply(Method m, Object[] args, Object result) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, After after) {
    InvocationHandler h = (p, m, args) -> {
      Object result;
      try {
        result = m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return m.getDeclaringClass() == Object.class ? result : after.apply(m, args, result);
    };
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, h);
  }
}
