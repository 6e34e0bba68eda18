package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
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

  @Test
  void aMovedModelBecomesOneNewVersionAndTakesItsDeploymentBoundFormsAlong() {
    String form = probeForm("第一版");
    DeploymentWithDefinitions before = deployer.deploy(probe("processes/old-folder/deployer-probe.bpmn", form));
    assertThat(resourceNames(before)).containsExactlyInAnyOrder("processes/old-folder/deployer-probe.bpmn",
        "forms/deployer-probe.form");
    ProcessInstance running = runtime.startProcessInstanceByKey("deployer-probe");

    // the file moves to another folder: a new version of this model only, with the form it binds by deployment
    DeploymentWithDefinitions moved = deployer.deploy(probe("processes/new-folder/deployer-probe.bpmn", form));
    assertThat(resourceNames(moved)).containsExactlyInAnyOrder("processes/new-folder/deployer-probe.bpmn",
        "forms/deployer-probe.form");
    assertThat(moved.getDeployedProcessDefinitions()).hasSize(1);
    ProcessInstance fresh = runtime.startProcessInstanceByKey("deployer-probe");
    assertThat(fresh.getProcessDefinitionId()).isNotEqualTo(running.getProcessDefinitionId());

    // the running case stays on its version and both find their form
    assertThat(repository.getProcessDefinition(running.getProcessDefinitionId()).getResourceName())
        .isEqualTo("processes/old-folder/deployer-probe.bpmn");
    assertThat(taskForm(running)).contains("第一版");
    assertThat(taskForm(fresh)).contains("第一版");

    // unchanged: nothing; a changed form brings along the process binding it by deployment
    assertThat(deployer.deploy(probe("processes/new-folder/deployer-probe.bpmn", form))).isNull();
    DeploymentWithDefinitions newForm = deployer.deploy(probe("processes/new-folder/deployer-probe.bpmn",
        probeForm("第二版")));
    assertThat(resourceNames(newForm)).containsExactlyInAnyOrder("processes/new-folder/deployer-probe.bpmn",
        "forms/deployer-probe.form");
    assertThat(taskForm(runtime.startProcessInstanceByKey("deployer-probe"))).contains("第二版");
    assertThat(taskForm(fresh)).contains("第一版");
  }

  private String taskForm(ProcessInstance instance) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    try (InputStream in = forms.getDeployedTaskForm(task.getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> resourceNames(DeploymentWithDefinitions d) {
    assertThat(d).isNotNull();
    return repository.getDeploymentResources(d.getId()).stream().map(Resource::getName).toList();
  }

  private static ModelSet probe(String bpmnName, String form) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_DeployerProbe"
            targetNamespace="http://doudi.org/test">
          <bpmn:process id="deployer-probe" name="部署探针" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Probe" name="开始" />
            <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Probe" targetRef="Task_Probe" />
            <bpmn:userTask id="Task_Probe" name="探针任务" camunda:formRef="deployer-probe"
                camunda:formRefBinding="deployment" />
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Probe" targetRef="EndEvent_Probe" />
            <bpmn:endEvent id="EndEvent_Probe" name="结束" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    return new ModelSet(List.of(new ModelSet.ModelResource(bpmnName, bpmn.getBytes(StandardCharsets.UTF_8)),
        new ModelSet.ModelResource("forms/deployer-probe.form", form.getBytes(StandardCharsets.UTF_8))));
  }

  private static String probeForm(String label) {
    return """
        {"id": "deployer-probe", "type": "default", "executionPlatform": "Camunda Platform",
         "executionPlatformVersion": "7.24.0", "schemaVersion": 16,
         "components": [{"type": "text", "id": "Text_Probe", "text": "%s"}]}
        """.formatted(label);
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
