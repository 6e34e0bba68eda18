package org.doudi.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.doudi.identity.CaseVariables;

/**
 * The engine's side of the audit trail, composed with (not replacing) Camunda's database history handler: it sees
 * the same history events in the same command, so the entries commit with the engine's own writes. Recorded:
 * process start/end, task create/update (assignment)/complete/delete, every variable write with its new value (the
 * old value is the previous entry of the same variable), and Camunda's user operation log (operation, property,
 * old → new value). Activity instances, identity links and job logs are left to Camunda's own history.
 */
final class EngineRecorder implements HistoryEventHandler, Deployer {

  private final java.util.function.Supplier<AuditStore> store;

  EngineRecorder(java.util.function.Supplier<AuditStore> store) {
    this.store = store;
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    for (HistoryEvent e : events) {
      handleEvent(e);
    }
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    AuditRecord r = toRecord(event);
    if (r == null) {
      return;
    }
    CommandContext ctx = Context.getCommandContext();
    if (ctx == null) {
      store.get().insert(r);
    } else {
      ctx.getSession(Pending.class).add(r);
    }
  }

  /**
   * The command's entries, written as one batch when the command context flushes its sessions (before the
   * transaction commits, so they commit or roll back with the command). By then the case's variables are set, so an
   * entry made before them (the process start) still gets its region.
   */
  static final class Pending implements Session {
    private final AuditStore store;
    private final List<AuditRecord> records = new ArrayList<>();
    private final List<java.time.Instant> times = new ArrayList<>();
    private boolean flushed;

    Pending(AuditStore store) {
      this.store = store;
    }

    void add(AuditRecord r) {
      if (flushed) {
        store.insert(r);
        return;
      }
      if (repeatsTask(r)) {
        return;
      }
      records.add(r);
      times.add(org.doudi.engine.EngineContext.now());
    }

    /**
     * A task update that records nothing new: the same task (subject: key, name, id) already has an entry in this
     * command with the same assignee and owner. Camunda fires an update for every change of a task, e.g. the due date
     * our deadline listener sets right after the task is created; the entry carries only assignee and owner, so it
     * would repeat the creation's entry word for word.
     */
    private boolean repeatsTask(AuditRecord r) {
      if (r.kind() != AuditKind.TASK || !"task-update".equals(r.action())) {
        return false;
      }
      for (int i = records.size() - 1; i >= 0; i--) {
        AuditRecord earlier = records.get(i);
        if (earlier.kind() == AuditKind.TASK && java.util.Objects.equals(earlier.subject(), r.subject())) {
          return !"task-complete".equals(earlier.action()) && !"task-delete".equals(earlier.action())
              && java.util.Objects.equals(earlier.after(), r.after())
              && java.util.Objects.equals(earlier.actor(), r.actor());
        }
      }
      return false;
    }

    @Override
    public void flush() {
      flushed = true;
      if (records.isEmpty()) {
        return;
      }
      CommandContext ctx = Context.getCommandContext();
      List<AuditRecord> resolved = new ArrayList<>(records.size());
      for (AuditRecord r : records) {
        resolved.add(r.processInstanceId() != null && r.regionCode() == null ? withCase(r, r.processInstanceId(),
            r.businessKey(), ctx, store) : r);
      }
      store.insertAll(resolved, times);
      records.clear();
      times.clear();
    }

    @Override
    public void close() {}
  }

  static final class PendingFactory implements SessionFactory {
    private final java.util.function.Supplier<AuditStore> store;

    PendingFactory(java.util.function.Supplier<AuditStore> store) {
      this.store = store;
    }

    @Override
    public Class<?> getSessionType() {
      return Pending.class;
    }

    @Override
    public Session openSession() {
      return new Pending(store.get());
    }
  }

  private AuditRecord toRecord(HistoryEvent event) {
    String type = event.getEventType();
    if (event instanceof HistoricProcessInstanceEventEntity p) {
      if (!"start".equals(type) && !"end".equals(type)) {
        return null;
      }
      AuditRecord r = new AuditRecord(AuditKind.CASE, "process-" + type, "start".equals(type)
          ? p.getStartUserId() : null, p.getProcessInstanceId(), p.getBusinessKey(), null,
          p.getProcessDefinitionKey(), null, "end".equals(type) ? join("state", p.getState(), "reason",
          p.getDeleteReason(), "endActivity", p.getEndActivityId()) : null, null);
      return withCase(r, p.getProcessInstanceId(), p.getBusinessKey());
    }
    if (event instanceof HistoricTaskInstanceEventEntity t) {
      String subject = t.getTaskDefinitionKey() + (t.getName() == null ? "" : " " + t.getName()) + " [" + t.getTaskId()
          + "]";
      String after = "delete".equals(type) ? join("reason", t.getDeleteReason())
          : join("assignee", t.getAssignee(), "owner", t.getOwner());
      return withCase(new AuditRecord(AuditKind.TASK, "task-" + type, null, t.getProcessInstanceId(), null, null,
          subject, null, after, null), t.getProcessInstanceId(), null);
    }
    if (event instanceof HistoricVariableUpdateEventEntity v) {
      String subject = v.getVariableName() + (v.getTaskId() == null ? "" : " [task " + v.getTaskId() + "]");
      return withCase(new AuditRecord(AuditKind.VARIABLE, "variable-" + type, null, v.getProcessInstanceId(), null,
          CaseVariables.REGION_CODE.equals(v.getVariableName()) ? v.getTextValue() : null, subject, null, value(v),
          null), v.getProcessInstanceId(), null);
    }
    if (event instanceof UserOperationLogEntryEventEntity u) {
      String subject = u.getEntityType() + (u.getProperty() == null ? "" : "." + u.getProperty())
          + idOf(u);
      return withCase(new AuditRecord(AuditKind.OPERATION, u.getOperationType(), u.getUserId(),
          u.getProcessInstanceId(), null, null, subject, u.getOrgValue(), u.getNewValue(), null),
          u.getProcessInstanceId(), null);
    }
    return null;
  }

  private static String idOf(UserOperationLogEntryEventEntity u) {
    String id = u.getTaskId() != null ? "task " + u.getTaskId() : u.getDeploymentId() != null ? "deployment "
        + u.getDeploymentId() : u.getJobId() != null ? "job " + u.getJobId() : u.getBatchId() != null ? "batch "
        + u.getBatchId() : null;
    return id == null ? "" : " [" + id + "]";
  }

  /**
   * Business key and region from the process instance in the command's cache (no query of its own); the region, when
   * this node has written it for the case before, from the store's memory, so that a command that does not read the
   * case's variables (a claim) does not load them for its entries.
   */
  private AuditRecord withCase(AuditRecord r, String pid, String businessKey) {
    return withCase(r, pid, businessKey, Context.getCommandContext(), store.get());
  }

  private static AuditRecord withCase(AuditRecord r, String pid, String businessKey, CommandContext ctx,
      AuditStore store) {
    if (pid == null) {
      return r;
    }
    String key = businessKey;
    String region = r.regionCode() != null ? r.regionCode() : store.rememberedRegion(pid);
    if (ctx != null && (key == null || region == null)) {
      try {
        ExecutionEntity ex = ctx.getDbEntityManager().getCachedEntity(ExecutionEntity.class, pid);
        if (ex != null) {
          key = key != null ? key : ex.getBusinessKey();
          Object v = region != null ? region : ex.getVariable(CaseVariables.REGION_CODE);
          region = v instanceof String s ? s : null;
        }
      } catch (RuntimeException ignored) {
        // the case reference stays the process instance id
      }
    }
    return new AuditRecord(r.kind(), r.action(), r.actor(), pid, key, region, r.subject(), r.before(), r.after(),
        r.idNumber());
  }

  private static String value(HistoricVariableUpdateEventEntity v) {
    if ("delete".equals(v.getEventType())) {
      return null;
    }
    if (v.getTextValue() != null) {
      return v.getTextValue();
    }
    if (v.getLongValue() != null) {
      return String.valueOf(v.getLongValue());
    }
    if (v.getDoubleValue() != null) {
      return String.valueOf(v.getDoubleValue());
    }
    byte[] bytes = v.getByteValue();
    if (bytes == null) {
      return v.getSerializerName() == null || "null".equals(v.getSerializerName()) ? "null" : null;
    }
    String serializer = String.valueOf(v.getSerializerName());
    return serializer.contains("json") || serializer.contains("xml") || serializer.equals("string")
        ? new String(bytes, StandardCharsets.UTF_8) : "<" + serializer + ", " + bytes.length + " bytes>";
  }

  private static String join(String... pairs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        b.append(b.isEmpty() ? "" : ", ").append(pairs[i]).append('=').append(pairs[i + 1]);
      }
    }
    return b.isEmpty() ? null : b.toString();
  }

  /** Every new deployment, whatever its way in: who, which resources. */
  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, ?> resources = deployment.getResources() == null ? Map.of() : new TreeMap<>(deployment.getResources());
    store.get().insert(new AuditRecord(AuditKind.DEPLOYMENT, "deploy", null, null, null, null,
        (deployment.getName() == null ? "" : deployment.getName()) + " [" + deployment.getId() + "]", null,
        String.join(", ", resources.keySet()), null));
  }
}
