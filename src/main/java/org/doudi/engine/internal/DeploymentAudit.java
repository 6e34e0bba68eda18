package org.doudi.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.doudi.engine.EngineContext;
import org.doudi.engine.MoneyRules;
import org.doudi.engine.RuleVersion;
import org.doudi.engine.RuleVersion.Status;

/**
 * The deployment hook (a post-deployer, so it sees the new definitions with their ids), acting only on a new
 * deployment ({@code isNew()}: loading a definition into the cache runs deployers again). In the deployment's own
 * transaction, whatever its path (start-up, {@code /engine-rest/deployment/create}, the web apps' redeploy, the Java
 * API), it
 * <ol>
 *   <li>records who deployed what in model_deployment(_resource): the authenticated user, or {@code application}
 *       when {@link #asApplication} marks the start-up deployment — never the deployment's name or source, which any
 *       caller may set;</li>
 *   <li>for each new version of a money rule, records whether it decides (rule_approval): at once when it came from
 *       the start-up deployment or is byte for byte the version in force; otherwise PENDING, with process
 *       {@code rule-approval} started for a second person. Any older pending version of the key is SUPERSEDED and its
 *       approval ended (a newer version always replaces it).</li>
 * </ol>
 */
public final class DeploymentAudit implements Deployer {

  static final String APPLICATION = "application";
  static final String UNAUTHENTICATED = "unauthenticated";
  private static final ThreadLocal<Boolean> BY_APPLICATION = new ThreadLocal<>();
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(EngineContext.CHINA);

  private final Supplier<RuleApprovalRepository> repository;

  DeploymentAudit(Supplier<RuleApprovalRepository> repository) {
    this.repository = repository;
  }

  /**
   * Runs the deployment as the application's own (the start-up deployment of the reviewed repository files). A
   * thread-bound mark only code in the application can set; no request can.
   */
  public static <T> T asApplication(Supplier<T> deployment) {
    BY_APPLICATION.set(Boolean.TRUE);
    try {
      return deployment.get();
    } finally {
      BY_APPLICATION.remove();
    }
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    CommandContext ctx = Context.getCommandContext();
    RuleApprovalRepository repo = repository.get();
    boolean byApplication = Boolean.TRUE.equals(BY_APPLICATION.get());
    String user = ctx.getAuthenticatedUserId();
    String by = byApplication ? APPLICATION : user != null ? user : UNAUTHENTICATED;
    Instant at = deployment.getDeploymentTime() == null ? EngineContext.now()
        : deployment.getDeploymentTime().toInstant();
    repo.insertDeployment(deployment.getId(), deployment.getName(), deployment.getSource(), by, byApplication, at);

    Map<String, List<String>> definitions = new TreeMap<>();
    for (List<?> artifacts : deployment.getDeployedArtifacts() == null ? List.<List<?>>of()
        : deployment.getDeployedArtifacts().values()) {
      for (Object a : artifacts) {
        if (a instanceof ResourceDefinition d) {
          definitions.computeIfAbsent(d.getResourceName(), n -> new java.util.ArrayList<>()).add(d.getId());
        }
      }
    }
    for (ResourceEntity r : new TreeMap<>(deployment.getResources() == null ? Map.of()
        : deployment.getResources()).values()) {
      List<String> ids = definitions.getOrDefault(r.getName(), List.of());
      repo.insertResource(deployment.getId(), r.getName(), sha256(r.getBytes()),
          ids.isEmpty() ? null : String.join(",", ids));
    }

    for (DecisionDefinitionEntity d : deployment.getDeployedArtifacts(DecisionDefinitionEntity.class) == null
        ? List.<DecisionDefinitionEntity>of() : deployment.getDeployedArtifacts(DecisionDefinitionEntity.class)) {
      if (d.getTenantId() == null && (MoneyRules.matches(d.getKey()) || repo.known(d.getKey()))) {
        newMoneyRuleVersion(ctx, repo, deployment, d, by, byApplication, at);
      }
    }
  }

  private void newMoneyRuleVersion(CommandContext ctx, RuleApprovalRepository repo, DeploymentEntity deployment,
      DecisionDefinitionEntity d, String by, boolean byApplication, Instant at) {
    RepositoryService repositoryService = ctx.getProcessEngineConfiguration().getRepositoryService();
    RuntimeService runtime = ctx.getProcessEngineConfiguration().getRuntimeService();
    // the new version is not flushed yet: this is the version in force before it
    Optional<DecisionDefinition> inForce = ctx.runWithoutAuthorization(
        () -> InForceQuery.of(repositoryService, repo, d.getKey()));
    byte[] newXml = deployment.getResource(d.getResourceName()).getBytes();
    byte[] oldXml = inForce.map(f -> ctx.runWithoutAuthorization(() -> bytes(repositoryService, f))).orElse(null);
    Status status = byApplication ? Status.STARTUP
        : oldXml != null && Arrays.equals(oldXml, newXml) ? Status.UNCHANGED : Status.PENDING;

    // a newer version replaces any version still waiting: the reviewer decides the newest against the one in force
    for (RuleVersion older : repo.pending(d.getKey())) {
      repo.decide(older.decisionDefinitionId(), Status.SUPERSEDED, null, at,
          RuleApprovalRepository.clip("被第" + d.getVersion() + "版（" + by + "于" + WHEN.format(at) + "部署）取代", 500));
      if (older.processInstanceId() != null) {
        ctx.runWithoutAuthorization(() -> runtime.createMessageCorrelation(RuleApprovalVariables.MESSAGE_SUPERSEDED)
            .processInstanceId(older.processInstanceId()).correlateAllWithResult());
      }
    }
    repo.insert(new RuleVersion(d.getId(), d.getKey(), d.getVersion(), deployment.getId(), by, at,
        inForce.map(DecisionDefinition::getId).orElse(null), status, null, null,
        status == Status.UNCHANGED ? "与现行第" + inForce.get().getVersion() + "版内容相同，无须审批" : null, null));
    if (status != Status.PENDING) {
      return;
    }
    String summary = DecisionDiff.summary(d.getKey(), oldXml, newXml);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(RuleApprovalVariables.DEFINITION_ID, d.getId());
    v.put(RuleApprovalVariables.RULE_KEY, d.getKey());
    v.put(RuleApprovalVariables.RULE_NAME, d.getName() == null ? d.getKey() : d.getName());
    v.put(RuleApprovalVariables.NEW_VERSION, "第" + d.getVersion() + "版");
    v.put(RuleApprovalVariables.IN_FORCE_VERSION, inForce.map(f -> "第" + f.getVersion() + "版").orElse("无（首个版本）"));
    v.put(RuleApprovalVariables.AUTHOR, by);
    v.put(RuleApprovalVariables.DEPLOYED_AT, WHEN.format(at));
    v.put(RuleApprovalVariables.DEPLOYMENT_NAME, deployment.getName() == null ? "" : deployment.getName());
    v.put(RuleApprovalVariables.CHANGE_SUMMARY, summary);
    v.put(RuleApprovalVariables.REVIEWER_GROUPS, reviewerGroups(ctx));
    // the approval as the application deployed it: a user's own version of rule-approval is never the one used
    Set<String> ours = repo.applicationDeployments();
    String approvalId = ctx.runWithoutAuthorization(() -> repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(RuleApprovalVariables.PROCESS_KEY).withoutTenantId().orderByProcessDefinitionVersion()
        .desc().list()).stream().filter(p -> ours.contains(p.getDeploymentId())).findFirst()
        .orElseThrow(() -> new ProcessEngineException("金额规则" + d.getKey() + "的新版本须经第二人审批，但应用没有部署审批流程"
            + RuleApprovalVariables.PROCESS_KEY)).getId();
    String pid = ctx.runWithoutAuthorization(() -> runtime.startProcessInstanceById(approvalId, "rule:" + d.getId(), v)
        .getId());
    repo.setProcessInstance(d.getId(), pid);
  }

  /** Administrators and every analyst group: the second person is one of them (the listener checks who). */
  private static String reviewerGroups(CommandContext ctx) {
    var identity = ctx.getProcessEngineConfiguration().getIdentityService();
    List<Group> analysts = ctx.runWithoutAuthorization(() -> identity.createGroupQuery()
        .groupType(RuleApprovalVariables.ANALYST_GROUP_TYPE).list());
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(RuleApprovalVariables.ADMIN_GROUP),
        analysts.stream().map(Group::getId).sorted()).collect(Collectors.joining(","));
  }

  private static byte[] bytes(RepositoryService repository, DecisionDefinition d) {
    try (InputStream in = repository.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content == null ? new byte[0]
          : content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
