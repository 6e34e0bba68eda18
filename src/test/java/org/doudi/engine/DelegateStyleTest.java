package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One delegate style (docs/architecture.md, "Delegates"): every service task, send task and Java business rule task
 * of every model under {@code processes/} calls {@code camunda:delegateExpression="${bean}"} naming a
 * {@link ProcessBean} that is a {@link JavaDelegate} — no {@code camunda:expression}, no {@code camunda:class} — and
 * gives each input parameter its delegate reads ({@link ParameterisedDelegate}) with an accepted value, and no other.
 */
@DoudiTest
class DelegateStyleTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final List<String> TASKS = List.of("serviceTask", "sendTask", "businessRuleTask");
  private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");

  @Autowired ProcessBeans beans;

  @Test
  void everyTaskCallsAJavaDelegateByDelegateExpression() throws Exception {
    List<String> offenders = new ArrayList<>();
    int tasks = 0;
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        Check check = check(file.toString().replace('\\', '/'), Files.readAllBytes(file));
        tasks += check.tasks();
        offenders.addAll(check.offenders());
      }
    }
    offenders.forEach(o -> System.out.println("DelegateStyleTest offender: " + o));
    assertThat(tasks).isGreaterThan(100);
    assertThat(offenders).as("%d tasks break the delegate style", offenders.size()).isEmpty();
  }

  @Test
  void everyWayOfBreakingTheStyleIsFound() throws Exception {
    String model = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d"><bpmn:process id="p" isExecutable="true">
          <bpmn:serviceTask id="A" camunda:expression="${dibaoLimits.missed(execution, 'INVESTIGATION')}"/>
          <bpmn:sendTask id="B" camunda:class="org.example.Send"/>
          <bpmn:serviceTask id="C" camunda:delegateExpression="${noSuchBean}"/>
          <bpmn:serviceTask id="D" camunda:delegateExpression="${dibaoLimits}"/>
          <bpmn:serviceTask id="E" camunda:delegateExpression="${dibaoRecordMissedLimit}"/>
          <bpmn:serviceTask id="F" camunda:delegateExpression="${dibaoRecordMissedLimit}"><bpmn:extensionElements>
            <camunda:inputOutput><camunda:inputParameter name="limit">LATE</camunda:inputParameter>
            <camunda:inputParameter name="extra">X</camunda:inputParameter></camunda:inputOutput>
          </bpmn:extensionElements></bpmn:serviceTask>
          <bpmn:serviceTask id="G" camunda:delegateExpression="${dibaoRecordMissedLimit}"><bpmn:extensionElements>
            <camunda:inputOutput><camunda:inputParameter name="limit">CONFIRMATION</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>
          <bpmn:businessRuleTask id="H" camunda:decisionRef="some-table"/>
        </bpmn:process></bpmn:definitions>""";
    Check check = check("probe.bpmn", model.getBytes(StandardCharsets.UTF_8));
    assertThat(check.tasks()).isEqualTo(7);
    assertThat(check.offenders()).hasSize(7);
    assertThat(String.join("\n", check.offenders()))
        .contains("probe.bpmn A: camunda:expression")
        .contains("probe.bpmn B: camunda:class")
        .contains("probe.bpmn C: noSuchBean is not a @ProcessBean")
        .contains("probe.bpmn D: dibaoLimits is not a JavaDelegate")
        .contains("probe.bpmn E: input parameter limit missing")
        .contains("probe.bpmn F: input parameter limit is 'LATE'")
        .contains("probe.bpmn F: input parameter extra is not read by dibaoRecordMissedLimit")
        .doesNotContain("probe.bpmn G").doesNotContain("probe.bpmn H");
  }

  record Check(int tasks, List<String> offenders) {}

  private Check check(String file, byte[] content) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    List<String> out = new ArrayList<>();
    int tasks = 0;
    for (String kind : TASKS) {
      NodeList nodes = doc.getElementsByTagNameNS(BPMN, kind);
      for (int i = 0; i < nodes.getLength(); i++) {
        Element task = (Element) nodes.item(i);
        if (task.hasAttributeNS(CAMUNDA, "decisionRef")) {
          continue; // a DMN business rule task calls no Java
        }
        tasks++;
        String where = file + " " + task.getAttribute("id") + ": ";
        if (task.hasAttributeNS(CAMUNDA, "expression")) {
          out.add(where + "camunda:expression=\"" + task.getAttributeNS(CAMUNDA, "expression") + "\"");
        } else if (task.hasAttributeNS(CAMUNDA, "class")) {
          out.add(where + "camunda:class=\"" + task.getAttributeNS(CAMUNDA, "class") + "\"");
        } else {
          out.addAll(delegateProblems(where, task));
        }
      }
    }
    return new Check(tasks, out);
  }

  private List<String> delegateProblems(String where, Element task) {
    Matcher m = BEAN.matcher(task.getAttributeNS(CAMUNDA, "delegateExpression"));
    if (!m.matches()) {
      return List.of(where + "no camunda:delegateExpression=\"${bean}\" (" + describe(task) + ")");
    }
    String bean = m.group(1);
    Class<?> type = beans.typeOf(bean);
    if (type == null) {
      return List.of(where + bean + " is not a @ProcessBean");
    }
    if (!JavaDelegate.class.isAssignableFrom(type)) {
      return List.of(where + bean + " is not a JavaDelegate");
    }
    Map<String, String> given = new HashMap<>();
    NodeList params = task.getElementsByTagNameNS(CAMUNDA, "inputParameter");
    for (int i = 0; i < params.getLength(); i++) {
      Element p = (Element) params.item(i);
      given.put(p.getAttribute("name"), p.getElementsByTagName("*").getLength() == 0 ? p.getTextContent().strip()
          : null);
    }
    List<String> out = new ArrayList<>();
    List<TaskParameter> inputs = beans.get(bean) instanceof ParameterisedDelegate d ? List.of(d.parameter())
        : List.of();
    for (TaskParameter input : inputs) {
      String value = given.remove(input.name());
      if (value == null) {
        out.add(where + "input parameter " + input.name() + " missing (or not plain text); " + bean + " accepts "
            + input.values());
      } else if (!input.values().contains(value)) {
        out.add(where + "input parameter " + input.name() + " is '" + value + "'; " + bean + " accepts "
            + input.values());
      }
    }
    given.keySet().forEach(name -> out.add(where + "input parameter " + name + " is not read by " + bean));
    return out;
  }

  private static String describe(Element task) {
    String type = task.getAttributeNS(CAMUNDA, "type");
    return type.isEmpty() ? "no implementation" : "camunda:type=" + type;
  }
}
