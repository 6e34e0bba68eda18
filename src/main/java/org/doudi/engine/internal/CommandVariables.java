package org.doudi.engine.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * The variables an engine command would write, read from the command object before it runs. Camunda's commands keep
 * them in protected fields and offer no common interface, so this reads the fields. Task commands (complete,
 * submit-form, resolve, set/remove/patch task variables) and process starts are recognised by type; for every other
 * command of the engine the variable maps are found by walking its fields (message correlation payloads, signals,
 * process instance modification, external tasks, batches, CMMN).
 */
final class CommandVariables {

  enum Kind { NONE, TASK, START, OTHER }

  /** What a command writes: the target (task id, process definition id or key), and the variable names. */
  record Writes(Kind kind, String target, boolean byKey, Map<String, Object> values, Set<String> removals) {
    static final Writes NOTHING = new Writes(Kind.NONE, null, false, Map.of(), Set.of());

    boolean isEmpty() {
      return values.isEmpty() && removals.isEmpty();
    }

    Set<String> names() {
      Set<String> all = new LinkedHashSet<>(values.keySet());
      all.addAll(removals);
      return all;
    }
  }

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
  private static final String ENGINE_PACKAGE = "org.camunda.bpm.engine.impl";

  private CommandVariables() {}

  static Writes of(Command<?> command) {
    try {
      if (command instanceof AbstractQuery<?, ?>) {
        return Writes.NOTHING; // queries read; their variable conditions are filters
      }
      if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
        return task(field(command, "taskId"), map(field(command, "variables")), Set.of());
      }
      if (command instanceof SubmitTaskFormCmd) {
        return task(field(command, "taskId"), map(field(command, "properties")), Set.of());
      }
      if (command instanceof SetTaskVariablesCmd) {
        return task(field(command, "entityId"), map(field(command, "variables")), Set.of());
      }
      if (command instanceof RemoveTaskVariablesCmd) {
        return task(field(command, "entityId"), Map.of(), names(field(command, "variableNames")));
      }
      if (command instanceof PatchTaskVariablesCmd) {
        return task(field(command, "entityId"), map(field(command, "variables")), names(field(command, "deletions")));
      }
      if (command instanceof SubmitStartFormCmd) {
        return new Writes(Kind.START, (String) field(command, "processDefinitionId"), false,
            map(field(command, "variables")), Set.of());
      }
      if (command instanceof StartProcessInstanceCmd) {
        Object builder = field(command, "instantiationBuilder");
        Object modification = field(builder, "modificationBuilder");
        String id = (String) field(builder, "processDefinitionId");
        Map<String, Object> values = map(field(modification, "processVariables"));
        return new Writes(Kind.START, id != null ? id : (String) field(builder, "processDefinitionKey"), id == null,
            values, Set.of());
      }
      if (!command.getClass().getName().startsWith(ENGINE_PACKAGE)
          || command.getClass().getName().startsWith(ENGINE_PACKAGE + ".dmn.")) {
        return Writes.NOTHING; // our own commands and lambdas; evaluating a decision writes no variable
      }
      Map<String, Object> values = new java.util.LinkedHashMap<>();
      Set<String> removals = new LinkedHashSet<>();
      walk(command, values, removals, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
      return values.isEmpty() && removals.isEmpty() ? Writes.NOTHING
          : new Writes(Kind.OTHER, null, false, values, removals);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // an engine upgrade changed a field: refuse rather than let unchecked variables through
      throw new IllegalStateException("Cannot inspect the variables of " + command.getClass().getName(), e);
    }
  }

  private static Writes task(Object taskId, Map<String, Object> values, Set<String> removals) {
    return new Writes(Kind.TASK, (String) taskId, false, values, removals);
  }

  /** Map fields named like variables (never the correlation criteria of a message, which only match). */
  private static void walk(Object o, Map<String, Object> values, Set<String> removals, int depth, Set<Object> seen)
      throws IllegalAccessException {
    if (o == null || depth > 4 || o instanceof Enum<?> || o instanceof DbEntity || !seen.add(o)) {
      return; // entities are state, not a command's input
    }
    boolean removes = o instanceof AbstractRemoveVariableCmd || o instanceof AbstractPatchVariablesCmd;
    for (Field f : fields(o.getClass())) {
      Object v = f.get(o);
      if (v == null || v instanceof CommandContext || v instanceof CommandExecutor) {
        continue;
      }
      String name = f.getName().toLowerCase();
      if (v instanceof Map<?, ?> m && !name.startsWith("correlation")
          && (name.contains("variables") || name.contains("properties") || name.contains("payload"))) {
        m.forEach((k, val) -> values.put(String.valueOf(k), val));
      } else if (removes && v instanceof Collection<?> c && (name.contains("variablenames") || name.contains("deletion"))) {
        c.forEach(n -> removals.add(String.valueOf(n)));
      } else if (v instanceof Collection<?> c) {
        for (Object e : c) {
          if (e != null && e.getClass().getName().startsWith(ENGINE_PACKAGE)) {
            walk(e, values, removals, depth + 1, seen);
          }
        }
      } else if (v.getClass().getName().startsWith(ENGINE_PACKAGE)) {
        walk(v, values, removals, depth + 1, seen);
      }
    }
  }

  private static List<Field> fields(Class<?> type) {
    return FIELDS.computeIfAbsent(type, t -> {
      List<Field> all = new ArrayList<>();
      for (Class<?> c = t; c != null && c.getName().startsWith("org.camunda."); c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
            f.setAccessible(true);
            all.add(f);
          }
        }
      }
      return List.copyOf(all);
    });
  }

  private static Object field(Object o, String name) throws ReflectiveOperationException {
    for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(o.getClass().getName() + "." + name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object m) {
    return m == null ? Map.of() : (Map<String, Object>) m;
  }

  private static Set<String> names(Object c) {
    Set<String> s = new LinkedHashSet<>();
    if (c != null) {
      ((Collection<?>) c).forEach(n -> s.add(String.valueOf(n)));
    }
    return s;
  }
}
