package org.doudi.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.doudi.engine.ModelSet.ModelResource;
import org.doudi.engine.internal.DeploymentAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the analysts' models at start-up. Resource names are relative to the top-level folders
 * ({@code processes/…}, {@code forms/…}) whatever the run mode (classes dir, fat jar, tests), and duplicate
 * filtering means an unchanged file never becomes a new version. Models are validated first: a broken
 * model stops the start instead of failing a case later.
 */
@Component
public class ModelDeployer implements SmartInitializingSingleton {

  public static final String DEPLOYMENT_NAME = "doudi-models";
  static final String SOURCE = "doudi-startup";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final CommandExecutor commands;
  private final RepositoryService repository;
  private final ModelValidator validator;
  private final String[] patterns;

  public ModelDeployer(ProcessEngine engine, RepositoryService repository, ModelValidator validator,
      @Value("${doudi.models.processes}") String[] processPatterns,
      @Value("${doudi.models.forms}") String[] formPatterns) {
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.repository = repository;
    this.validator = validator;
    List<String> all = new ArrayList<>(List.of(processPatterns));
    all.addAll(List.of(formPatterns));
    this.patterns = all.toArray(String[]::new);
  }

  @Override
  public void afterSingletonsInstantiated() {
    deploy(load(patterns));
  }

  /**
   * Validates and deploys what changed; returns the new deployment, or null when nothing changed. A resource has
   * changed when the latest start-up deployment holds no resource of that name with the same bytes (Camunda's own
   * per-resource duplicate filter, done here so that the deployment can also take along what must travel with a
   * changed model): a process whose user tasks bind their forms by deployment ({@code formRefBinding="deployment"})
   * is deployed together with those forms, and a changed form brings along every process binding it so. Without
   * this a changed or moved process would find none of its forms in its own deployment.
   */
  public DeploymentWithDefinitions deploy(ModelSet models) {
    validator.validate(models).throwIfInvalid();
    // under Camunda's deployment lock, as its own duplicate filter: two nodes starting together deploy once
    return commands.execute(context -> {
      context.getPropertyManager().acquireExclusiveLock();
      Set<String> changed = changedResources(models);
      if (changed.isEmpty()) {
        return null;
      }
      Set<String> toDeploy = withDeploymentBoundForms(models, changed);
      DeploymentBuilder builder = repository.createDeployment()
          .name(DEPLOYMENT_NAME)
          .source(SOURCE);
      models.resources().stream().filter(r -> toDeploy.contains(r.name()))
          .forEach(r -> builder.addInputStream(r.name(), new ByteArrayInputStream(r.content())));
      // marked as the application's own: its money-rule versions are the reviewed files and need no second approval
      DeploymentWithDefinitions d = DeploymentAudit.asApplication(builder::deployWithResult);
      LOG.info("Deployed {} of {} model resources (deployment {}, {} new process definitions)", toDeploy.size(),
          models.resources().size(), d.getId(),
          d.getDeployedProcessDefinitions() == null ? 0 : d.getDeployedProcessDefinitions().size());
      return d;
    });
  }

  /** The names whose bytes differ from the latest start-up deployment of that name (or that were never deployed). */
  Set<String> changedResources(ModelSet models) {
    Map<String, byte[]> wanted = new LinkedHashMap<>();
    models.resources().forEach(r -> wanted.put(r.name(), r.content()));
    Set<String> changed = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    for (Deployment d : repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).deploymentSource(SOURCE)
        .orderByDeploymentTime().desc().list()) {
      if (seen.size() == wanted.size()) {
        break;
      }
      for (Resource r : repository.getDeploymentResources(d.getId())) {
        byte[] content = wanted.get(r.getName());
        if (content != null && seen.add(r.getName()) && !Arrays.equals(content, bytes(d.getId(), r.getId()))) {
          changed.add(r.getName());
        }
      }
    }
    wanted.keySet().stream().filter(n -> !seen.contains(n)).forEach(changed::add);
    return changed;
  }

  private byte[] bytes(String deploymentId, String resourceId) {
    try (InputStream in = repository.getResourceAsStreamById(deploymentId, resourceId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The changed resources plus, for each process binding forms by deployment, the process and those forms. */
  static Set<String> withDeploymentBoundForms(ModelSet models, Set<String> changed) {
    Map<String, String> formResourceById = new HashMap<>();
    for (ModelResource r : models.resources()) {
      if (r.isForm()) {
        formResourceById.put(formId(r), r.name());
      }
    }
    Set<String> result = new TreeSet<>(changed);
    for (ModelResource r : models.resources()) {
      if (!r.isBpmn()) {
        continue;
      }
      Set<String> bound = deploymentBoundForms(r).stream().map(formResourceById::get).filter(Objects::nonNull)
          .collect(Collectors.toSet());
      if (changed.contains(r.name()) || bound.stream().anyMatch(changed::contains)) {
        result.add(r.name());
        result.addAll(bound);
      }
    }
    return result;
  }

  private static String formId(ModelResource form) {
    try {
      return JSON.readTree(form.content()).path("id").asText("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The form ids a process refers to with {@code camunda:formRefBinding="deployment"}. */
  static Set<String> deploymentBoundForms(ModelResource bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.content()));
    List<ModelElementInstance> holders = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    holders.addAll(model.getModelElementsByType(StartEvent.class));
    Set<String> forms = new TreeSet<>();
    for (ModelElementInstance e : holders) {
      String ref = e.getDomElement().getAttribute(CAMUNDA_NS, "formRef");
      if (ref != null && "deployment".equals(e.getDomElement().getAttribute(CAMUNDA_NS, "formRefBinding"))) {
        forms.add(ref);
      }
    }
    return forms;
  }

  /**
   * Loads the resources matching the patterns. The name of each is its path from the root of the folder
   * named by the pattern's first segment ({@code classpath*:processes/**}{@code /*.bpmn} → {@code processes/…}).
   */
  public static ModelSet load(String... patterns) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<ModelResource> resources = new ArrayList<>();
    try {
      for (String pattern : patterns) {
        String folder = rootFolder(pattern);
        String prefix = pattern.substring(0, pattern.indexOf(':') + 1);
        List<String> roots = new ArrayList<>();
        for (org.springframework.core.io.Resource root : resolver.getResources(prefix + folder + "/")) {
          roots.add(root.getURL().toString());
        }
        for (org.springframework.core.io.Resource r : resolver.getResources(pattern)) {
          String url = r.getURL().toString();
          String name = roots.stream().filter(url::startsWith).findFirst()
              .map(root -> folder + "/" + url.substring(root.length()))
              .orElseGet(() -> url.substring(url.lastIndexOf("/" + folder + "/") + 1));
          try (InputStream in = r.getInputStream()) {
            resources.add(new ModelResource(name, in.readAllBytes()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    resources.sort(Comparator.comparing(ModelResource::name));
    return new ModelSet(List.copyOf(resources));
  }

  static String rootFolder(String pattern) {
    String p = pattern.substring(pattern.indexOf(':') + 1);
    int slash = p.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("Model pattern must start with a folder name: " + pattern);
    }
    return p.substring(0, slash);
  }
}
