package org.doudi.engine;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The beans that expressions in models may name: those marked {@link ProcessBean}. A read-only map
 * resolved on use, so that process beans may themselves depend on engine services.
 */
@Component
public class ProcessBeans extends AbstractMap<Object, Object> {

  private final ApplicationContext context;
  private volatile Set<String> names;

  public ProcessBeans(ApplicationContext context) {
    this.context = context;
  }

  public Set<String> names() {
    Set<String> n = names;
    if (n == null) {
      n = Set.of(context.getBeanNamesForAnnotation(ProcessBean.class));
      names = n;
    }
    return n;
  }

  /** The bean's own class (not a proxy's), or null when no process bean has that name. */
  public Class<?> typeOf(String name) {
    if (!names().contains(name)) {
      return null;
    }
    Class<?> type = context.getType(name);
    return type == null ? null : ClassUtils.getUserClass(type);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && names().contains(s);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? context.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    Set<Entry<Object, Object>> entries = new LinkedHashSet<>();
    for (String name : names()) {
      entries.add(new SimpleImmutableEntry<>(name, context.getBean(name)));
    }
    return entries;
  }
}
