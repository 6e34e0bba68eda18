package org.doudi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Text;

/**
 * The model sandbox's rules (docs/security.md, "模型沙箱"): what a deployed BPMN, DMN or form may contain. Models are
 * code that analysts write, so they may hold variable references, literals, comparisons, arithmetic, logic and calls
 * of {@link ProcessBean} methods (and reads of their properties) with such arguments — nothing that reaches other Java
 * objects, scripts, classes or files. Expressions are parsed with the engine's own JUEL parser, so spacing, nesting,
 * {@code #{…}} and composite text are seen exactly as the engine will evaluate them.
 *
 * <p>The engine applies these rules to every new deployment (SandboxDeployer), and the expression manager enforces the
 * same allowlist again when an expression is evaluated (SandboxElResolver).
 */
@Component
public class ModelSandbox {

  /** The largest resource accepted; the largest shipped model is about 70 KB. */
  public static final int MAX_RESOURCE_BYTES = 512 * 1024;

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";
  /** Names the engine resolves itself (execution, task, …): a model may pass them to a process bean, nothing more. */
  static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
      "authenticatedUserId", "variableScope");
  private static final Set<String> FORM_TYPES_REFUSED = Set.of("html", "iframe", "script");
  private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final ProcessBeans beans;
  private final ObjectMapper json = new ObjectMapper();

  public ModelSandbox(ProcessBeans beans) {
    this.beans = beans;
  }

  /** One refusal: the file, the element (its id, or the nearest ancestor's) and the reason, in Chinese. */
  public record Refusal(String file, String elementId, String reason) {
    public String message() {
      return "模型文件 " + file + "，元素 " + elementId + "：" + reason;
    }
  }

  /** The refusals for one resource of a deployment; empty when it may be deployed. */
  public List<Refusal> check(String name, byte[] content) {
    List<Refusal> out = new ArrayList<>();
    String lower = name.toLowerCase(Locale.ROOT);
    if (content.length > MAX_RESOURCE_BYTES) {
      out.add(new Refusal(name, "（整个文件）", "文件大小 " + content.length + " 字节，超过每个文件 "
          + MAX_RESOURCE_BYTES / 1024 + " KB 的上限"));
      return out;
    }
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
      checkXml(name, content, false, out);
    } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
      checkXml(name, content, true, out);
    } else if (lower.endsWith(".form")) {
      checkForm(name, content, out);
    } else {
      out.add(new Refusal(name, "（整个文件）",
          "只能部署 BPMN 流程（.bpmn）、DMN 决策表（.dmn）和 Camunda 表单（.form）；这个类型的文件（脚本、HTML 表单、CMMN 等）不允许部署"));
    }
    return out;
  }

  // ---------------------------------------------------------------- XML

  private void checkXml(String file, byte[] content, boolean dmn, List<Refusal> out) {
    Document doc;
    try {
      doc = parser().parse(new ByteArrayInputStream(content));
    } catch (Exception e) {
      String m = String.valueOf(e.getMessage());
      out.add(new Refusal(file, "（整个文件）", m.contains("DOCTYPE")
          ? "XML 中不允许 DOCTYPE 或实体声明（可用于读取服务器文件或耗尽内存）"
          : "不是格式正确的 XML（" + m + "）"));
      return;
    }
    walk(file, doc.getDocumentElement(), dmn, out);
  }

  private static DocumentBuilder parser() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b;
  }

  private void walk(String file, Element e, boolean dmn, List<Refusal> out) {
    String local = e.getLocalName();
    String ns = e.getNamespaceURI();
    String id = ownerId(e);
    if (BPMN_NS.equals(ns) && "scriptTask".equals(local)) {
      out.add(new Refusal(file, id, "不允许脚本任务（scriptTask）：脚本在服务器上以系统权限运行；请改用 @ProcessBean 服务任务"));
    }
    if (CAMUNDA_NS.equals(ns) && "script".equals(local)) {
      out.add(new Refusal(file, id, "不允许脚本（camunda:script，包括监听器和输入/输出参数中的脚本）"));
    }
    if (CAMUNDA_NS.equals(ns) && "constraint".equals(local) && "validator".equals(e.getAttribute("name"))) {
      out.add(new Refusal(file, id, "不允许自定义表单校验器（camunda:constraint name=\"validator\" 会按类名创建 Java 对象）"));
    }
    if (CAMUNDA_NS.equals(ns) && "connector".equals(local)) {
      out.add(new Refusal(file, id, "不允许连接器（camunda:connector）：模型不能自行访问外部系统"));
    }
    if (("conditionExpression".equals(local) || "condition".equals(local) || "completionCondition".equals(local))
        && e.hasAttribute("language") && !e.getAttribute("language").isBlank()) {
      out.add(new Refusal(file, id, "不允许脚本条件（language=\"" + e.getAttribute("language")
          + "\"）：条件只能是表达式 ${…}"));
    }
    if (dmn) {
      checkDmnLanguage(file, e, id, out);
    }
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      checkAttribute(file, e, (Attr) attrs.item(i), id, out);
    }
    for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        walk(file, child, dmn, out);
      } else if (c instanceof Text text && !"documentation".equals(local) && !"description".equals(local)) {
        String v = text.getData();
        if (dmn && isFeelText(e)) {
          checkFeel(file, id, v, out);
        } else {
          checkExpressionText(file, id, v, out);
        }
      }
    }
  }

  private void checkAttribute(String file, Element owner, Attr a, String id, List<Refusal> out) {
    String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
    String value = a.getValue();
    // listeners, fields and parameters are camunda elements whose attributes carry no prefix
    String ns = a.getNamespaceURI() != null ? a.getNamespaceURI() : owner.getNamespaceURI();
    boolean camunda = CAMUNDA_NS.equals(ns) || CAMUNDA_DMN_NS.equals(ns);
    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
      return;
    }
    if (camunda && ("class".equals(local) || local.endsWith("Class"))) {
      out.add(new Refusal(file, id, "不允许 camunda:" + local + "=\"" + value
          + "\"：模型不能实例化 Java 类；请用 camunda:delegateExpression=\"${bean名}\" 调用 @ProcessBean"));
      return;
    }
    if (camunda && "resource".equals(local)) {
      out.add(new Refusal(file, id, "不允许引用外部资源（camunda:resource=\"" + value + "\"）"));
      return;
    }
    if (camunda && "formKey".equals(local) && !value.startsWith("camunda-forms:")) {
      out.add(new Refusal(file, id, "不允许 camunda:formKey=\"" + value
          + "\"：HTML 表单中的脚本会在办理人的浏览器中运行；请用 camunda:formRef 引用 Camunda 表单"));
      return;
    }
    if (camunda && "delegateExpression".equals(local)) {
      checkDelegateExpression(file, id, value, out);
      return;
    }
    checkExpressionText(file, id, value, out);
  }

  private void checkDelegateExpression(String file, String id, String value, List<Refusal> out) {
    AstNode root = parse(file, id, value, out);
    if (root == null) {
      return;
    }
    AstNode inner = root instanceof AstEval && root.getCardinality() == 1 ? (AstNode) root.getChild(0) : null;
    if (inner instanceof AstIdentifier ident && beans.names().contains(ident.getName())) {
      return;
    }
    if (inner instanceof AstIdentifier ident) {
      out.add(new Refusal(file, id, "委托表达式 " + value + " 中的 " + ident.getName() + " 不是 @ProcessBean"));
    } else {
      out.add(new Refusal(file, id, "委托表达式只能是 ${bean名}（一个 @ProcessBean 的名字），不能是 " + value));
    }
  }

  // ---------------------------------------------------------------- DMN

  private void checkDmnLanguage(String file, Element e, String id, List<Refusal> out) {
    for (String attr : List.of("expressionLanguage", "typeLanguage")) {
      if (!e.hasAttribute(attr)) {
        continue;
      }
      String lang = e.getAttribute(attr).trim().toLowerCase(Locale.ROOT);
      boolean feel = lang.equals("feel") || lang.startsWith("http://www.omg.org/spec/feel/")
          || lang.startsWith("https://www.omg.org/spec/dmn/") || lang.startsWith("http://www.omg.org/spec/dmn/");
      boolean juel = lang.equals("juel") && "expressionLanguage".equals(attr);
      if (!feel && !juel) {
        out.add(new Refusal(file, id, "决策表只能使用 FEEL（或受限的 JUEL）表达式，不允许 " + attr + "=\""
            + e.getAttribute(attr) + "\"（脚本语言）"));
      }
    }
  }

  /** Text of a DMN expression element whose language is FEEL (the default). */
  private static boolean isFeelText(Element textOwner) {
    if (!"text".equals(textOwner.getLocalName()) || !(textOwner.getParentNode() instanceof Element expr)) {
      return false;
    }
    String lang = expr.getAttribute("expressionLanguage");
    return lang.isBlank() || !lang.trim().equalsIgnoreCase("juel");
  }

  /**
   * FEEL cannot call Java unless external functions are enabled (the engine leaves them off); a definition of one is
   * refused all the same, so that a change of engine setting cannot open it. JUEL markers are refused in FEEL text
   * because a legacy-mode engine would evaluate them as JUEL.
   */
  private void checkFeel(String file, String id, String text, List<Refusal> out) {
    String code = withoutStringLiterals(text);
    if (code.matches("(?s).*\\bexternal\\b.*") || code.matches("(?s).*\\bfunction\\s*\\(.*")) {
      out.add(new Refusal(file, id, "FEEL 表达式中不允许定义函数（function … external 可调用 Java）"));
    }
    if (text.contains("${") || text.contains("#{")) {
      checkExpressionText(file, id, text, out);
    }
  }

  private static String withoutStringLiterals(String s) {
    StringBuilder b = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString && c == '\\') {
        i++;
      } else if (c == '"') {
        inString = !inString;
      } else if (!inString) {
        b.append(c);
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- JUEL

  /** Any attribute or text that the engine may evaluate: JUEL treats text without ${ or #{ as a literal. */
  private void checkExpressionText(String file, String id, String value, List<Refusal> out) {
    if (value == null || (!value.contains("${") && !value.contains("#{"))) {
      return;
    }
    AstNode root = parse(file, id, value, out);
    if (root != null) {
      String problem = checkNode(root);
      if (problem != null) {
        out.add(new Refusal(file, id, "表达式 " + abbreviate(value) + " 不允许：" + problem));
      }
    }
  }

  private AstNode parse(String file, String id, String value, List<Refusal> out) {
    try {
      return (AstNode) JUEL.build(value).getRoot();
    } catch (TreeBuilderException | ClassCastException e) {
      out.add(new Refusal(file, id, "表达式 " + abbreviate(value) + " 无法解析（" + e.getMessage() + "）"));
      return null;
    }
  }

  /** Checks one expression on its own (for tests and for callers outside a model); null when allowed. */
  public String checkExpression(String expression) {
    try {
      return checkNode((AstNode) JUEL.build(expression).getRoot());
    } catch (TreeBuilderException e) {
      return "无法解析（" + e.getMessage() + "）";
    }
  }

  /** Null when the node and everything under it is allowed, else the reason. */
  private String checkNode(Node n) {
    if (n instanceof AstMethod m) {
      return checkMethod(m);
    }
    if (n instanceof AstDot dot) {
      return checkProperty(dot);
    }
    if (n instanceof AstBracket bracket) {
      return checkBracket(bracket);
    }
    if (n instanceof AstFunction f) {
      return "不允许调用函数 " + f.getName() + "()；日期和期限请用 @ProcessBean（如 deadlines）";
    }
    boolean structural = n instanceof AstEval || n instanceof AstComposite || n instanceof AstText
        || n instanceof AstNested || n instanceof AstBinary || n instanceof AstUnary || n instanceof AstChoice
        || n instanceof AstParameters || n instanceof AstIdentifier || n instanceof AstString
        || n instanceof AstNumber || n instanceof AstBoolean || n instanceof AstNull;
    if (!structural) {
      return "不支持的表达式成分 " + n.getClass().getSimpleName();
    }
    return children(n);
  }

  private String children(Node n) {
    for (int i = 0; i < n.getCardinality(); i++) {
      String p = checkNode(n.getChild(i));
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private String checkMethod(AstMethod m) {
    Node property = m.getChild(0);
    Node params = m.getChild(1);
    if (property instanceof AstDot dot && !(dot.getChild(0) instanceof AstIdentifier)) {
      String inner = checkNode(dot.getChild(0)); // name the innermost offence: execution.processEngineServices
      if (inner != null) {
        return inner;
      }
    }
    if (!(property instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier target)) {
      return "只能调用 @ProcessBean 的方法（形如 bean.method(…)），不能在其他对象或方法的结果上调用方法";
    }
    String bean = target.getName();
    String method = dotName(dot);
    if (!beans.names().contains(bean)) {
      return "不能调用 " + bean + "." + method + "(…)：" + bean + (ENGINE_NAMES.contains(bean)
          ? " 是引擎对象，只能作为参数传给 @ProcessBean" : " 不是 @ProcessBean（变量和其他对象上不能调用方法）");
    }
    Class<?> type = beans.typeOf(bean);
    if (!isAllowedMethod(type, method)) {
      return bean + " 没有可供模型调用的公开方法 " + method;
    }
    return children(params);
  }

  private String checkProperty(AstDot dot) {
    Node prefix = dot.getChild(0);
    String property = dotName(dot);
    if (prefix instanceof AstIdentifier target && beans.names().contains(target.getName())) {
      if (isAllowedProperty(beans.typeOf(target.getName()), property)) {
        return null;
      }
      return target.getName() + " 没有可供模型读取的属性 " + property;
    }
    if (!(prefix instanceof AstIdentifier)) {
      String inner = checkNode(prefix);
      if (inner != null) {
        return inner;
      }
    }
    String what = prefix instanceof AstIdentifier t ? t.getName() : "表达式的结果";
    return "不能读取 " + what + "." + property + "：" + (ENGINE_NAMES.contains(what)
        ? what + " 是引擎对象，只能作为参数传给 @ProcessBean"
        : "只能读取 @ProcessBean 的属性，变量和其他对象上不能访问属性");
  }

  private String checkBracket(AstBracket bracket) {
    Node prefix = bracket.getChild(0);
    Node key = bracket.getChild(1);
    boolean variable = prefix instanceof AstIdentifier t && !beans.names().contains(t.getName())
        && !ENGINE_NAMES.contains(t.getName());
    boolean literalKey = key instanceof AstNumber
        || (key instanceof AstString s && !"class".equals(String.valueOf(s.eval(null, null))));
    if (variable && literalKey) {
      return null;
    }
    return "方括号只能用于变量中的列表或映射，且下标必须是数字或字符串常量";
  }

  /** The name after the dot; AstDot prints itself as ". name". */
  private static String dotName(AstDot dot) {
    String s = dot.toString();
    return s.startsWith(". ") ? s.substring(2) : s;
  }

  /** A public instance method declared by the bean's own classes (not Object's, not a proxy's). */
  public static boolean isAllowedMethod(Class<?> type, String name) {
    if (type == null || "getClass".equals(name)) {
      return false;
    }
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && allowedMember(m)) {
        return true;
      }
    }
    return false;
  }

  public static boolean isAllowedProperty(Class<?> type, String property) {
    if (type == null || property.isEmpty() || "class".equals(property)) {
      return false;
    }
    String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (Method m : type.getMethods()) {
      if ((m.getName().equals("get" + cap) || m.getName().equals("is" + cap)) && m.getParameterCount() == 0
          && allowedMember(m)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allowedMember(Method m) {
    return !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class
        && !m.getDeclaringClass().getName().startsWith("org.springframework.")
        && !m.getDeclaringClass().getName().startsWith("java.");
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() > 120 ? one.substring(0, 117) + "…" : one;
  }

  /** The id of the element, or of the nearest ancestor with one (a listener or script has none). */
  private static String ownerId(Element e) {
    for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
      if (el.hasAttribute("id") && !el.getAttribute("id").isBlank()) {
        return el.getAttribute("id");
      }
    }
    return e.getLocalName();
  }

  // ---------------------------------------------------------------- forms

  private void checkForm(String file, byte[] content, List<Refusal> out) {
    try {
      JsonNode form = json.readTree(content);
      checkFormNode(file, form, out);
    } catch (Exception e) {
      out.add(new Refusal(file, "（整个文件）", "不是有效的表单 JSON（" + e.getMessage() + "）"));
    }
  }

  private void checkFormNode(String file, JsonNode node, List<Refusal> out) {
    if (node.isObject()) {
      String type = node.path("type").asText("");
      if (FORM_TYPES_REFUSED.contains(type)) {
        out.add(new Refusal(file, node.path("id").asText(type), "表单中不允许 " + type
            + " 组件（可在办理人的浏览器中加载外部页面或 HTML）"));
      }
      node.fields().forEachRemaining(f -> checkFormNode(file, f.getValue(), out));
    } else if (node.isArray()) {
      node.forEach(c -> checkFormNode(file, c, out));
    }
  }
}
