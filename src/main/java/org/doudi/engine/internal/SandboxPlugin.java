package org.doudi.engine.internal;

import java.util.ArrayList;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidator;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.doudi.engine.ModelSandbox;
import org.springframework.stereotype.Component;

/**
 * The model sandbox inside the engine (docs/security.md): every new deployment passes {@link SandboxDeployer}; no
 * script engine exists (script tasks, listeners, conditions, DMN scripts and input/output scripts fail instead of
 * running); {@code camunda:class} and its kin cannot instantiate a class, nor can a generated form's validator. Together with the expression manager of
 * {@link ProcessBeanPlugin} this keeps a model stored before the sandbox, or one that got past it, inert.
 */
@Component
public class SandboxPlugin extends AbstractProcessEnginePlugin {

  private final ModelSandbox sandbox;

  public SandboxPlugin(ModelSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> pre = new ArrayList<>();
    pre.add(new SandboxDeployer(sandbox));
    if (configuration.getCustomPreDeployers() != null) {
      pre.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(pre);
    configuration.setScriptEngineResolver(new NoScriptEngines());
    configuration.setEnableScriptEngineLoadExternalResources(false);
    configuration.setConfigureScriptEngineHostAccess(false);
    configuration.setDmnFeelEnableLegacyBehavior(false);
    configuration.setArtifactFactory(new NoArtifacts());
  }

  /**
   * Generated forms' {@code <camunda:constraint name="validator" config="…"/>} would instantiate any class by name
   * (outside the artifact factory). The name stays known, so stored definitions still parse, but validates nothing.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getFormValidators().addValidator("validator", RefusedFormValidator.class);
  }

  /** Stands in for the engine's class- and expression-based form field validator. */
  public static final class RefusedFormValidator implements FormFieldValidator {
    @Override
    public boolean validate(Object submittedValue, FormFieldValidatorContext validatorContext) {
      throw new ProcessEngineException("模型沙箱：表单字段不能用类或表达式做校验器（camunda:constraint name=\"validator\"）");
    }
  }

  /** Resolves no language at all: the engine then refuses the script ("Can't find scripting engine"). */
  static final class NoScriptEngines implements ScriptEngineResolver {
    private final ScriptEngineManager empty = new ScriptEngineManager(null);

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
      // the engine registers its JUEL script engine here; scripts of every language stay off
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      return empty;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      return null;
    }
  }

  /** {@code camunda:class}, listener classes, variable-mapping classes: delegates are @ProcessBean beans only. */
  static final class NoArtifacts implements ArtifactFactory {
    @Override
    public <T> T getArtifact(Class<T> type) {
      throw new ProcessEngineException("模型沙箱：模型不能实例化 Java 类 " + type.getName()
          + "（camunda:class 不允许，请使用 @ProcessBean）");
    }
  }
}
