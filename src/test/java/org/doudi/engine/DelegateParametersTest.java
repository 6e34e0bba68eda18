package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every model element that calls a {@link ParameterisedDelegate} ({@code camunda:delegateExpression="${bean}"}) gives
 * it its input parameter as a literal the delegate accepts: a model that would fail only when the step runs is found
 * here, before any case reaches it.
 */
@DoudiTest
class DelegateParametersTest {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");

  @Autowired ProcessBeans beans;

  @Test
  void everyParameterisedDelegateGetsAKnownValue() throws Exception {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          checked += check(file.getFileName().toString(), in, problems);
        }
      }
    }
    assertThat(checked).as("model elements calling a parameterised delegate").isGreaterThan(10);
    assertThat(problems).isEmpty();
  }

  @Test
  void aMissingOrUnknownValueIsFound() throws Exception {
    String bean = beans.names().stream().filter(n -> beans.get(n) instanceof ParameterisedDelegate).sorted()
        .findFirst().orElseThrow();
    TaskParameter parameter = ((ParameterisedDelegate) beans.get(bean)).parameter();
    String model = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
          <bpmn:process id="probe">
            <bpmn:serviceTask id="Good" camunda:delegateExpression="${%1$s}"><bpmn:extensionElements>
              <camunda:inputOutput><camunda:inputParameter name="%2$s">%3$s</camunda:inputParameter></camunda:inputOutput>
            </bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="Missing" camunda:delegateExpression="${%1$s}"/>
            <bpmn:serviceTask id="Unknown" camunda:delegateExpression="${%1$s}"><bpmn:extensionElements>
              <camunda:inputOutput><camunda:inputParameter name="%2$s">NO_SUCH_VALUE</camunda:inputParameter></camunda:inputOutput>
            </bpmn:extensionElements></bpmn:serviceTask>
          </bpmn:process>
        </bpmn:definitions>""".formatted(bean, parameter.name(), parameter.values().get(0));
    List<String> problems = new ArrayList<>();
    int checked = check("probe.bpmn", new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8)), problems);
    assertThat(checked).isEqualTo(3);
    assertThat(problems).containsExactly(
        "probe.bpmn Missing: " + bean + " needs the input parameter " + parameter.name(),
        "probe.bpmn Unknown: " + parameter.name() + " is NO_SUCH_VALUE, not one of " + parameter.values());
  }

  /** Checks the file's elements that call a parameterised delegate; returns how many there are. */
  private int check(String file, InputStream in, List<String> problems) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(in);
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    int checked = 0;
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      Matcher m = BEAN.matcher(e.getAttributeNS(CAMUNDA, "delegateExpression"));
      if (!m.matches() || !(beans.get(m.group(1)) instanceof ParameterisedDelegate delegate)) {
        continue;
      }
      checked++;
      TaskParameter parameter = delegate.parameter();
      // an event definition's parameters are on its event
      Element owner = e.getLocalName().endsWith("EventDefinition") ? (Element) e.getParentNode() : e;
      String where = file + " " + (owner.hasAttribute("id") ? owner.getAttribute("id") : owner.getLocalName());
      Element given = inputParameter(owner, parameter.name());
      if (given == null) {
        problems.add(where + ": " + m.group(1) + " needs the input parameter " + parameter.name());
      } else if (given.getElementsByTagNameNS("*", "*").getLength() > 0
          || !parameter.values().contains(given.getTextContent().strip())) {
        problems.add(where + ": " + parameter.name() + " is " + given.getTextContent().strip() + ", not one of "
            + parameter.values());
      }
    }
    return checked;
  }

  private static Element inputParameter(Element owner, String name) {
    for (Node ext = owner.getFirstChild(); ext != null; ext = ext.getNextSibling()) {
      if (!(ext instanceof Element x) || !"extensionElements".equals(x.getLocalName())) {
        continue;
      }
      NodeList params = x.getElementsByTagNameNS(CAMUNDA, "inputParameter");
      for (int i = 0; i < params.getLength(); i++) {
        Element p = (Element) params.item(i);
        if (name.equals(p.getAttribute("name")) && p.getParentNode().getParentNode() == x) {
          return p;
        }
      }
    }
    return null;
  }
}
