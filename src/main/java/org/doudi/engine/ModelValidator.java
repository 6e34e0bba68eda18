package org.doudi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.doudi.engine.ModelSet.ModelResource;
import org.springframework.stereotype.Component;

/**
 * Checks a model set before it reaches the engine: every file parses, every process and decision has a
 * history time-to-live, every form reference and decision reference has a target in the set, and every file keeps
 * to the {@link ModelSandbox} rules (the engine applies those again to every deployment, whatever its way in).
 */
@Component
public class ModelValidator {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern FORM_KEY_DEPLOYMENT = Pattern.compile("^camunda-forms:deployment:(.+)$");

  private final ModelSandbox sandbox;
  private final ObjectMapper json = new ObjectMapper();

  public ModelValidator(ModelSandbox sandbox) {
    this.sandbox = sandbox;
  }

  public Result validate(ModelSet models) {
    List<String> problems = new ArrayList<>();
    Map<String, String> formIds = new HashMap<>();
    Set<String> resourceNames = new HashSet<>();
    Set<String> decisionKeys = new HashSet<>();
    List<ModelResource> bpmn = new ArrayList<>();
    for (ModelResource r : models.resources()) {
      resourceNames.add(r.name());
      sandbox.check(r.name(), r.content()).forEach(f -> problems.add(f.message()));
      if (r.isForm()) {
        readForm(r, formIds, problems);
      } else if (r.isDmn()) {
        readDmn(r, decisionKeys, problems);
      } else if (r.isBpmn()) {
        bpmn.add(r);
      }
    }
    for (ModelResource r : bpmn) {
      checkBpmn(r, formIds, resourceNames, decisionKeys, problems);
    }
    return new Result(List.copyOf(problems));
  }

  private void readForm(ModelResource r, Map<String, String> formIds, List<String> problems) {
    try {
      JsonNode form = json.readTree(r.content());
      String id = form.path("id").asText(null);
      if (id == null || id.isBlank()) {
        problems.add(r.name() + ": form has no id");
      } else if (formIds.putIfAbsent(id, r.name()) != null) {
        problems.add(r.name() + ": form id " + id + " is also used by " + formIds.get(id));
      }
    } catch (Exception e) {
      problems.add(r.name() + ": not a valid form (" + e.getMessage() + ")");
    }
  }

  private void readDmn(ModelResource r, Set<String> decisionKeys, List<String> problems) {
    try {
      DmnModelInstance dmn = Dmn.readModelFromStream(new ByteArrayInputStream(r.content()));
      for (Decision d : dmn.getModelElementsByType(Decision.class)) {
        decisionKeys.add(d.getId());
        if (d.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(r.name() + ": decision " + d.getId() + " has no camunda:historyTimeToLive");
        }
      }
    } catch (Exception e) {
      problems.add(r.name() + ": does not parse (" + e.getMessage() + ")");
    }
  }

  private void checkBpmn(ModelResource r, Map<String, String> formIds, Set<String> resourceNames,
      Set<String> decisionKeys, List<String> problems) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(r.content()));
    } catch (Exception e) {
      problems.add(r.name() + ": does not parse (" + e.getMessage() + ")");
      return;
    }
    for (Process p : model.getModelElementsByType(Process.class)) {
      if (p.isExecutable() && p.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(r.name() + ": process " + p.getId() + " has no camunda:historyTimeToLive");
      }
    }
    List<ModelElementInstance> formHolders = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    formHolders.addAll(model.getModelElementsByType(StartEvent.class));
    for (ModelElementInstance e : formHolders) {
      String id = e.getDomElement().getAttribute("id");
      String formRef = e.getDomElement().getAttribute(CAMUNDA_NS, "formRef");
      if (formRef != null && !formIds.containsKey(formRef)) {
        problems.add(r.name() + ": " + id + " refers to form " + formRef + ", which is not in forms/");
      }
      String formKey = e.getDomElement().getAttribute(CAMUNDA_NS, "formKey");
      if (formKey != null) {
        Matcher m = FORM_KEY_DEPLOYMENT.matcher(formKey);
        if (m.matches() && resourceNames.stream().noneMatch(n -> n.endsWith(m.group(1)))) {
          problems.add(r.name() + ": " + id + " refers to form resource " + m.group(1) + ", which is not deployed");
        }
      }
    }
    for (BusinessRuleTask t : model.getModelElementsByType(BusinessRuleTask.class)) {
      String ref = t.getCamundaDecisionRef();
      if (ref != null && !ref.contains("${") && !decisionKeys.contains(ref)) {
        problems.add(r.name() + ": " + t.getId() + " refers to decision " + ref + ", which is not in processes/");
      }
    }
  }

  /** The problems found; empty when the set may be deployed. */
  public record Result(List<String> problems) {
    public boolean isValid() {
      return problems.isEmpty();
    }

    public void throwIfInvalid() {
      if (!isValid()) {
        throw new InvalidModelException(problems);
      }
    }
  }

  /** Thrown when a model set cannot be deployed; lists every problem, not just the first. */
  public static class InvalidModelException extends RuntimeException {
    private final List<String> problems;

    public InvalidModelException(List<String> problems) {
      super("Models cannot be deployed:\n  - " + String.join("\n  - ", problems));
      this.problems = problems;
    }

    public List<String> problems() {
      return problems;
    }
  }
}
