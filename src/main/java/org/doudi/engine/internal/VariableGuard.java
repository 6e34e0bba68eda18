package org.doudi.engine.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.doudi.engine.GuardedVariables;
import org.doudi.engine.internal.CommandVariables.Kind;
import org.doudi.engine.internal.CommandVariables.Writes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Refuses, before an engine command runs, every variable a request may not write (docs/integrity.md):
 * <ul>
 *   <li>a task's completion or variables: only the fields of its deployed form (plus a module's API-only fields); a
 *       read-only form field or a protected variable only with its current value — on every path, the Java API
 *       included;</li>
 *   <li>for requests from outside the application ({@code /engine-rest}, the web apps' {@code /camunda/api}, anything
 *       but our own {@code /api}): a process start only with its start form's fields, and no other command
 *       (execution variables, message payloads, signals, modification, external tasks, batches) with any variable.</li>
 * </ul>
 * Commands that run inside another command (delegates, listeners: the application's own code in a model) are not
 * checked. A refusal is a {@link BadUserRequestException}: 400 with the Chinese message on the REST APIs.
 */
final class VariableGuard extends CommandInterceptor {

  private final Supplier<List<GuardedVariables>> modules;
  private volatile Map<String, Set<String>> protectedNames;
  private volatile Map<String, Set<String>> apiOnly;
  /** Task forms' fields by Camunda form definition id. */
  private final Map<String, FormFields> parsedForms = new ConcurrentHashMap<>();

  VariableGuard(Supplier<List<GuardedVariables>> modules) {
    this.modules = modules;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Writes w = Context.getCommandContext() == null ? CommandVariables.of(command) : null;
    if (w == null || w.kind() == Kind.NONE || w.isEmpty() || (w.kind() != Kind.TASK && !external())) {
      return next.execute(command);
    }
    if (w.kind() == Kind.OTHER) {
      throw answered(refused(w.names().iterator().next(), "流程变量只能在办理任务时通过任务表单提交，或由系统写入；不能直接设置或删除"));
    }
    // checked inside the command's own context and transaction, just before it runs: the task, its definition and
    // its variables are read once for both, and no second transaction is opened for the check
    Checked<T> checked = new Checked<>(command, w);
    try {
      return next.execute(checked);
    } catch (BadUserRequestException e) {
      throw e == checked.refusal ? answered(e) : e;
    }
  }

  /**
   * Camunda's REST resources answer some engine exceptions with 500 (submit-form, start, modify variables);
   * RefusalResponseFilter turns the answer of a request refused here into 400 with this message.
   */
  private static BadUserRequestException answered(BadUserRequestException refused) {
    RefusalResponseFilter.refuse("VariableNotAllowed", refused.getMessage());
    return refused;
  }

  /** The command, run after the check of its variables in the same command context. */
  private final class Checked<T> implements Command<T> {
    private final Command<T> command;
    private final Writes writes;
    private BadUserRequestException refusal;

    Checked(Command<T> command, Writes writes) {
      this.command = command;
      this.writes = writes;
    }

    @Override
    public T execute(CommandContext ctx) {
      try {
        if (writes.kind() == Kind.TASK) {
          checkTask(ctx, writes);
        } else {
          checkStart(ctx, writes);
        }
      } catch (BadUserRequestException e) {
        refusal = e;
        throw e;
      }
      return command.execute(ctx);
    }
  }

  private Void checkTask(CommandContext ctx, Writes w) {
    TaskEntity task = ctx.getTaskManager().findTaskById(w.target());
    if (task == null) {
      return null; // the command itself answers "task not found"
    }
    String definitionId = task.getProcessDefinitionId();
    String taskKey = task.getTaskDefinitionKey();
    // resolved each time: a form bound "latest" changes with every deployment of the form, not of the process
    FormFields form = definitionId == null ? FormFields.NONE
        : ctx.runWithoutAuthorization(() -> deployedTaskForm(ctx, w.target()));
    String processKey = definitionId == null ? "" : processKey(ctx, definitionId);
    Set<String> api = apiOnly().getOrDefault(processKey + ":" + taskKey, Set.of());
    String label = task.getName() == null ? taskKey : task.getName();
    Set<String> guarded = protectedNames(processKey);
    for (String name : w.removals()) {
      if (!form.editable().contains(name) || guarded.contains(name)) {
        throw refused(name, "任务“" + label + "”不能删除这个变量");
      }
    }
    for (Map.Entry<String, Object> e : w.values().entrySet()) {
      String name = e.getKey();
      boolean known = form.editable().contains(name) || form.shown().contains(name) || api.contains(name);
      if (!known) {
        throw refused(name, "任务“" + label + "”的表单没有这个字段，办理任务只能提交表单中的内容");
      }
      boolean fixed = guarded.contains(name) || (form.shown().contains(name) && !api.contains(name));
      if (fixed && !same(task.getVariable(name), e.getValue())) {
        throw refused(name, guarded.contains(name)
            ? "这一项由系统根据存档的材料和评估结果写入，办理任务时不能修改"
            : "这是表单中的只读项，不能修改");
      }
    }
    form.rules().refusal(w.values()).ifPresent(refused -> { throw refused; });
    return null;
  }

  private Void checkStart(CommandContext ctx, Writes w) {
    String definitionId = w.target();
    if (w.byKey()) {
      ProcessDefinition d = ctx.runWithoutAuthorization(() -> ctx.getProcessEngineConfiguration().getRepositoryService()
          .createProcessDefinitionQuery().processDefinitionKey(w.target()).withoutTenantId().latestVersion()
          .singleResult());
      if (d == null) {
        return null; // the command answers "not found"
      }
      definitionId = d.getId();
    }
    String id = definitionId;
    FormFields form = ctx.runWithoutAuthorization(() -> deployedStartForm(ctx, id));
    for (String name : w.values().keySet()) {
      if (!form.editable().contains(name)) {
        throw refused(name, "启动这个流程只能提交开始表单中的内容");
      }
    }
    form.rules().refusal(w.values()).ifPresent(refused -> { throw refused; });
    return null;
  }

  /**
   * The fields of the task's deployed form. A Camunda Form is resolved as Camunda resolves it (its binding, e.g.
   * "latest", at this moment), and parsed once per form definition: a deployed definition's resource never changes.
   */
  private FormFields deployedTaskForm(CommandContext ctx, String taskId) {
    try {
      TaskFormData data = new GetTaskFormCmd(taskId).execute(ctx);
      CamundaFormRef ref = data.getCamundaFormRef();
      if (ref == null) {
        try (InputStream in = ctx.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(taskId)) {
          return FormFields.parse(in);
        }
      }
      CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, data.getDeploymentId()).execute(ctx);
      if (definition == null) {
        return FormFields.NONE;
      }
      FormFields known = parsedForms.get(definition.getId());
      if (known != null) {
        return known;
      }
      try (InputStream in = new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName())
          .execute(ctx)) {
        FormFields fields = FormFields.parse(in);
        parsedForms.put(definition.getId(), fields);
        return fields;
      }
    } catch (ProcessEngineException e) {
      return FormFields.NONE; // the task has no deployed form: nothing may be submitted but API-only fields
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FormFields deployedStartForm(CommandContext ctx, String definitionId) {
    try (InputStream in = ctx.getProcessEngineConfiguration().getFormService().getDeployedStartForm(definitionId)) {
      return FormFields.parse(in);
    } catch (ProcessEngineException e) {
      return FormFields.NONE;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String processKey(CommandContext ctx, String definitionId) {
    ProcessDefinitionEntity d = ctx.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(definitionId);
    return d == null ? "" : d.getKey();
  }

  /** An echo of the stored value: equal as text, or as numbers (a form sends 400 for 400.00). */
  static boolean same(Object stored, Object submitted) {
    Object a = stored instanceof TypedValue t ? t.getValue() : stored;
    Object b = submitted instanceof TypedValue t ? t.getValue() : submitted;
    if (a == null || b == null) {
      return a == null && (b == null || b.toString().isEmpty());
    }
    if (Objects.equals(a.toString(), b.toString())) {
      return true;
    }
    try {
      return new BigDecimal(a.toString().strip()).compareTo(new BigDecimal(b.toString().strip())) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A request from outside the application: an HTTP request to anything but our own /api. */
  static boolean external() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a)) {
      return false;
    }
    String uri = a.getRequest().getRequestURI();
    String context = a.getRequest().getContextPath();
    String path = uri == null ? "" : uri.substring(context == null ? 0 : Math.min(context.length(), uri.length()));
    path = path.replaceAll("/{2,}", "/");
    return !path.startsWith("/api/");
  }

  private static BadUserRequestException refused(String name, String why) {
    return new BadUserRequestException("不能提交变量“" + name + "”：" + why);
  }

  /** The protected names in one process: those of every module that guards it, or guards every process. */
  private Set<String> protectedNames(String processKey) {
    Map<String, Set<String>> p = protectedNames;
    if (p == null) {
      Map<String, Set<String>> all = new HashMap<>();
      for (GuardedVariables m : modules.get()) {
        for (String key : m.processKeys().isEmpty() ? Set.of("*") : m.processKeys()) {
          all.computeIfAbsent(key, k -> new HashSet<>()).addAll(m.protectedNames());
        }
      }
      p = Map.copyOf(all);
      protectedNames = p;
    }
    Set<String> names = new HashSet<>(p.getOrDefault("*", Set.of()));
    names.addAll(p.getOrDefault(processKey, Set.of()));
    return names;
  }

  private Map<String, Set<String>> apiOnly() {
    Map<String, Set<String>> a = apiOnly;
    if (a == null) {
      Map<String, Set<String>> all = new HashMap<>();
      modules.get().forEach(m -> m.apiOnlyFields().forEach((k, v) -> all.computeIfAbsent(k, x -> new HashSet<>())
          .addAll(v)));
      a = Map.copyOf(all);
      apiOnly = a;
    }
    return a;
  }

}
