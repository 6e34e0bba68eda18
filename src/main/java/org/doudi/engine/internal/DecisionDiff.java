package org.doudi.engine.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Expression;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What a new version of a decision table changes against the version in force, in Chinese for the reviewer: hit
 * policy, columns, and rules added, removed or with changed cells (rules matched by their id, cells by their
 * column's id, as Camunda Modeler keeps them). Clipped to what a process variable holds; the files themselves are in
 * the deployments (Cockpit shows both).
 */
final class DecisionDiff {

  static final int MAX = 3500;

  private DecisionDiff() {}

  static String summary(String key, byte[] inForce, byte[] proposed) {
    Decision next = decision(proposed, key);
    if (next == null) {
      return "新版本中找不到决策 " + key;
    }
    if (inForce == null) {
      List<String> lines = new ArrayList<>(List.of("首个版本（此前没有生效的版本）："));
      lines.addAll(describe(next));
      return clip(lines);
    }
    Decision old = decision(inForce, key);
    if (old == null) {
      List<String> lines = new ArrayList<>(List.of("现行版本中找不到决策 " + key + "；新版本："));
      lines.addAll(describe(next));
      return clip(lines);
    }
    List<String> lines = new ArrayList<>();
    if (!Objects.equals(old.getName(), next.getName())) {
      lines.add("名称：“" + old.getName() + "”改为“" + next.getName() + "”");
    }
    Expression a = old.getExpression();
    Expression b = next.getExpression();
    if (a instanceof DecisionTable ta && b instanceof DecisionTable tb) {
      tables(ta, tb, lines);
    } else if (a instanceof LiteralExpression la && b instanceof LiteralExpression lb) {
      if (!Objects.equals(text(la), text(lb))) {
        lines.add("表达式：“" + text(la) + "”改为“" + text(lb) + "”");
      }
    } else {
      lines.add("决策的类型改变：");
      lines.addAll(describe(next));
    }
    if (lines.isEmpty()) {
      lines.add("决策表的列和规则没有变化（文件的其他部分有改动，如说明、布局或同一文件中的其他决策）");
    }
    return clip(lines);
  }

  private static void tables(DecisionTable a, DecisionTable b, List<String> lines) {
    if (a.getHitPolicy() != b.getHitPolicy() || a.getAggregation() != b.getAggregation()) {
      lines.add("命中策略：" + a.getHitPolicy() + (a.getAggregation() == null ? "" : " " + a.getAggregation())
          + " 改为 " + b.getHitPolicy() + (b.getAggregation() == null ? "" : " " + b.getAggregation()));
    }
    Map<String, String> inA = inputs(a);
    Map<String, String> inB = inputs(b);
    inA.forEach((id, d) -> {
      if (!inB.containsKey(id)) {
        lines.add("删除输入列：" + d);
      } else if (!d.equals(inB.get(id))) {
        lines.add("输入列改为：" + inB.get(id) + "（原：" + d + "）");
      }
    });
    inB.forEach((id, d) -> {
      if (!inA.containsKey(id)) {
        lines.add("新增输入列：" + d);
      }
    });
    Map<String, String> outA = outputs(a);
    Map<String, String> outB = outputs(b);
    outA.forEach((id, d) -> {
      if (!outB.containsKey(id)) {
        lines.add("删除输出列：" + d);
      } else if (!d.equals(outB.get(id))) {
        lines.add("输出列改为：" + outB.get(id) + "（原：" + d + "）");
      }
    });
    outB.forEach((id, d) -> {
      if (!outA.containsKey(id)) {
        lines.add("新增输出列：" + d);
      }
    });
    Map<String, Rule> rulesA = rules(a);
    Map<String, Rule> rulesB = rules(b);
    List<String> orderA = new ArrayList<>(rulesA.keySet());
    List<String> orderB = new ArrayList<>(rulesB.keySet());
    for (Map.Entry<String, Rule> e : rulesA.entrySet()) {
      if (!rulesB.containsKey(e.getKey())) {
        lines.add("删除规则 " + label(e.getValue(), orderA) + "：" + cells(a, e.getValue()));
      }
    }
    for (Map.Entry<String, Rule> e : rulesB.entrySet()) {
      Rule rb = e.getValue();
      Rule ra = rulesA.get(e.getKey());
      if (ra == null) {
        lines.add("新增规则 " + label(rb, orderB) + "：" + cells(b, rb));
        continue;
      }
      Map<String, String> ca = cellMap(a, ra);
      Map<String, String> cb = cellMap(b, rb);
      List<String> changed = new ArrayList<>();
      cb.forEach((column, value) -> {
        String before = ca.get(column);
        if (before != null && !before.equals(value)) {
          changed.add(column + "由“" + before + "”改为“" + value + "”");
        }
      });
      if (orderA.indexOf(e.getKey()) != orderB.indexOf(e.getKey()) && a.getHitPolicy() == b.getHitPolicy()) {
        changed.add("位置由第" + (orderA.indexOf(e.getKey()) + 1) + "行移到第" + (orderB.indexOf(e.getKey()) + 1)
            + "行");
      }
      if (!changed.isEmpty()) {
        lines.add("修改规则 " + label(rb, orderB) + "：" + String.join("；", changed));
      }
    }
  }

  private static Decision decision(byte[] xml, String key) {
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    return model.getModelElementById(key) instanceof Decision d ? d : null;
  }

  private static List<String> describe(Decision d) {
    if (d.getExpression() instanceof DecisionTable t) {
      List<String> lines = new ArrayList<>();
      lines.add("决策表“" + d.getName() + "”，命中策略 " + t.getHitPolicy() + "，" + t.getRules().size() + "条规则");
      List<String> order = new ArrayList<>(rules(t).keySet());
      for (Rule r : t.getRules()) {
        lines.add("规则 " + label(r, order) + "：" + cells(t, r));
      }
      return lines;
    }
    return List.of(d.getExpression() instanceof LiteralExpression l ? "表达式“" + text(l) + "”" : "（不是决策表）");
  }

  private static Map<String, String> inputs(DecisionTable t) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Input i : t.getInputs()) {
      String expression = i.getInputExpression() == null || i.getInputExpression().getText() == null ? ""
          : i.getInputExpression().getText().getTextContent();
      m.put(i.getId(), name(i.getLabel(), i.getCamundaInputVariable()) + "（" + expression + "）");
    }
    return m;
  }

  private static Map<String, String> outputs(DecisionTable t) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Output o : t.getOutputs()) {
      m.put(o.getId(), name(o.getLabel(), o.getName()) + "（" + o.getName() + "，" + o.getTypeRef() + "）");
    }
    return m;
  }

  private static Map<String, Rule> rules(DecisionTable t) {
    Map<String, Rule> m = new LinkedHashMap<>();
    for (Rule r : t.getRules()) {
      m.put(r.getId(), r);
    }
    return m;
  }

  private static String label(Rule r, List<String> order) {
    String description = r.getDescription() == null ? null : r.getDescription().getTextContent();
    return "第" + (order.indexOf(r.getId()) + 1) + "行（" + (description == null || description.isBlank() ? r.getId()
        : description.strip()) + "）";
  }

  private static String cells(DecisionTable t, Rule r) {
    List<String> parts = new ArrayList<>();
    cellMap(t, r).forEach((column, value) -> parts.add(column + " " + value));
    return String.join("，", parts);
  }

  /** Column label → cell text, inputs then outputs; a blank input cell admits anything. */
  private static Map<String, String> cellMap(DecisionTable t, Rule r) {
    Map<String, String> m = new LinkedHashMap<>();
    List<Input> inputs = new ArrayList<>(t.getInputs());
    List<InputEntry> entries = new ArrayList<>(r.getInputEntries());
    for (int i = 0; i < inputs.size() && i < entries.size(); i++) {
      String v = entries.get(i).getText() == null ? "" : entries.get(i).getText().getTextContent().strip();
      m.put("条件[" + name(inputs.get(i).getLabel(), inputs.get(i).getCamundaInputVariable()) + "]",
          v.isEmpty() || v.equals("-") ? "（任意）" : v);
    }
    List<Output> outputs = new ArrayList<>(t.getOutputs());
    List<OutputEntry> results = new ArrayList<>(r.getOutputEntries());
    for (int i = 0; i < outputs.size() && i < results.size(); i++) {
      String v = results.get(i).getText() == null ? "" : results.get(i).getText().getTextContent().strip();
      m.put("结果[" + name(outputs.get(i).getLabel(), outputs.get(i).getName()) + "]", v.isEmpty() ? "（空）" : v);
    }
    return m;
  }

  private static String name(String label, String fallback) {
    return label == null || label.isBlank() ? String.valueOf(fallback) : label;
  }

  private static String text(LiteralExpression l) {
    return l.getText() == null ? "" : l.getText().getTextContent();
  }

  private static String clip(List<String> lines) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (s.length() + line.length() + 1 > MAX) {
        s.append("……（其余").append(lines.size() - i).append("处变化从略，请在监控台 Cockpit 中比较两个版本）");
        break;
      }
      s.append(s.isEmpty() ? "" : "\n").append(line);
    }
    return s.toString();
  }
}
