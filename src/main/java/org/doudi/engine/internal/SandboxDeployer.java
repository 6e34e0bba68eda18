package org.doudi.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.doudi.engine.ModelSandbox;
import org.doudi.engine.ModelSandbox.Refusal;

/**
 * Applies the {@link ModelSandbox} rules to every new deployment, whatever its way in (start-up, {@code /engine-rest},
 * Modeler, Cockpit's redeploy), before the engine's own deployers parse anything. Deployers run again when a stored
 * definition is loaded into the cache (restart, eviction); those runs are not checked, so that no definition already
 * in the database becomes unloadable — the expression manager keeps such definitions inert instead.
 *
 * <p>A refusal is a {@link ParseException} (400 on the REST APIs, with the file and element ids in its details for
 * Modeler) whose message lists every refusal in Chinese.
 */
final class SandboxDeployer implements Deployer {

  private final ModelSandbox sandbox;

  SandboxDeployer(ModelSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Map<String, ResourceEntity> resources = new TreeMap<>(deployment.getResources());
    List<Refusal> refusals = new ArrayList<>();
    for (ResourceEntity r : resources.values()) {
      refusals.addAll(sandbox.check(r.getName(), r.getBytes() == null ? new byte[0] : r.getBytes()));
    }
    if (refusals.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("模型未部署，发现 ").append(refusals.size()).append(" 处不允许的内容：");
    refusals.forEach(f -> message.append("\n- ").append(f.message()));
    String first = refusals.get(0).file();
    List<Problem> problems = refusals.stream().filter(f -> f.file().equals(first))
        .map(f -> (Problem) new SandboxProblem(f)).toList();
    RefusalResponseFilter.refuse("ParseException", message.toString());
    throw new ParseException(message.toString(), first, problems, List.of());
  }

  private record SandboxProblem(Refusal refusal) implements Problem {
    @Override
    public String getMessage() {
      return refusal.reason();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return refusal.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return List.of(refusal.elementId());
    }
  }
}
