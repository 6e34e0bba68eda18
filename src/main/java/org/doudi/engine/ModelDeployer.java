package org.doudi.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.doudi.engine.ModelSet.ModelResource;
import org.doudi.engine.internal.DeploymentAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
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
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repository;
  private final ModelValidator validator;
  private final String[] patterns;

  public ModelDeployer(RepositoryService repository, ModelValidator validator,
      @Value("${doudi.models.processes}") String[] processPatterns,
      @Value("${doudi.models.forms}") String[] formPatterns) {
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

  /** Validates and deploys; returns the new deployment, or null when nothing changed. */
  public DeploymentWithDefinitions deploy(ModelSet models) {
    validator.validate(models).throwIfInvalid();
    if (models.resources().isEmpty()) {
      return null;
    }
    DeploymentBuilder builder = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("doudi-startup")
        .enableDuplicateFiltering(true);
    models.resources().forEach(r -> builder.addInputStream(r.name(), new ByteArrayInputStream(r.content())));
    // marked as the application's own: its money-rule versions are the reviewed files and need no second approval
    DeploymentWithDefinitions d = DeploymentAudit.asApplication(builder::deployWithResult);
    LOG.info("Deployed {} model resources (deployment {}, {} new process definitions)", models.resources().size(),
        d.getId(), d.getDeployedProcessDefinitions() == null ? 0 : d.getDeployedProcessDefinitions().size());
    return d;
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
        for (Resource root : resolver.getResources(prefix + folder + "/")) {
          roots.add(root.getURL().toString());
        }
        for (Resource r : resolver.getResources(pattern)) {
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
