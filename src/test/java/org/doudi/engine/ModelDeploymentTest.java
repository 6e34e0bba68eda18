package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The analysts' folders reach the engine whole, under stable names, once per change, and only when valid. */
@DoudiTest
class ModelDeploymentTest {

  @Autowired RepositoryService repository;
  @Autowired ModelDeployer deployer;
  @Autowired ModelValidator validator;
  @Value("${doudi.models.processes}") String[] processPatterns;
  @Value("${doudi.models.forms}") String[] formPatterns;

  @Test
  void everyFileOfTheTopLevelFoldersIsDeployedUnderItsRelativeName() throws IOException {
    List<String> onDisk;
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("processes")), Files.walk(Path.of("forms")))) {
      onDisk = files.filter(Files::isRegularFile)
          .map(p -> p.toString().replace('\\', '/'))
          .filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn") || n.endsWith(".form"))
          .sorted().toList();
    }
    assertThat(onDisk).isNotEmpty();

    List<String> deployed = repository.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).list()
        .stream().flatMap(d -> repository.getDeploymentResources(d.getId()).stream()).map(Resource::getName)
        .distinct().sorted().toList();
    assertThat(deployed).containsAll(onDisk);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("hardship-report").latestVersion()
        .singleResult().getResourceName()).isEqualTo("processes/outreach/hardship-report.bpmn");
  }

  @Test
  void unchangedFilesCreateNoNewVersion() {
    long deployments = repository.createDeploymentQuery().count();
    long definitions = repository.createProcessDefinitionQuery().count();

    deployer.deploy(ModelDeployer.load(concat(processPatterns, formPatterns)));
    deployer.deploy(ModelDeployer.load(concat(processPatterns, formPatterns)));

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
  }

  @Test
  void theShippedModelsAreValid() {
    assertThat(validator.validate(ModelDeployer.load(concat(processPatterns, formPatterns))).problems()).isEmpty();
  }

  @Test
  void brokenModelsAreRefusedWithEveryProblemNamed() {
    ModelSet broken = ModelDeployer.load("classpath*:broken-models/processes/**/*.bpmn",
        "classpath*:broken-models/processes/**/*.dmn", "classpath*:broken-models/forms/**/*.form");
    assertThat(broken.resources()).extracting(ModelSet.ModelResource::name)
        .contains("broken-models/processes/no-ttl.bpmn", "broken-models/forms/no-id.form");

    List<String> problems = validator.validate(broken).problems();
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("unparseable.bpmn").contains("does not parse"))
        .anySatisfy(p -> assertThat(p).contains("process no-ttl has no camunda:historyTimeToLive"))
        .anySatisfy(p -> assertThat(p).contains("Task_MissingForm refers to form no-such-form"))
        .anySatisfy(p -> assertThat(p).contains("Task_UnknownBean").contains("noSuchBean 不是 @ProcessBean"))
        .anySatisfy(p -> assertThat(p).contains("ghostListener 不是 @ProcessBean"))
        .anySatisfy(p -> assertThat(p).contains("Task_Rule refers to decision no-such-decision"))
        .anySatisfy(p -> assertThat(p).contains("decision rule-without-ttl has no camunda:historyTimeToLive"))
        .anySatisfy(p -> assertThat(p).contains("no-id.form: form has no id"))
        .noneSatisfy(p -> assertThat(p).contains("expressionProbe"));

    long deployments = repository.createDeploymentQuery().count();
    assertThatThrownBy(() -> deployer.deploy(broken)).isInstanceOf(ModelValidator.InvalidModelException.class)
        .hasMessageContaining("no-such-form");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
