package id.lapor.models;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The application components a model may name: its delegates (service tasks) and listeners, found
 * by type. Expressions resolve these beans and no others (see {@link ModelExpressionsPlugin}); the list
 * is documented for designers in docs/process-design.md.
 */
@Component
class ModelBeans {

  private final ApplicationContext context;
  private volatile Set<String> names;

  ModelBeans(ApplicationContext context) {
    this.context = context;
  }

  /** Names of the delegates and listeners, sorted (read from the bean definitions once). */
  public Set<String> names() {
    if (names == null) {
      Set<String> found = new TreeSet<>();
      Stream.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)
          .flatMap(type -> Arrays.stream(context.getBeanNamesForType(type, false, false)))
          .forEach(found::add);
      names = java.util.Collections.unmodifiableSet(found);
    }
    return names;
  }

  /** Whether the name is any bean of the application (no model may name those as variables). */
  boolean isComponent(String name) {
    return context.containsBean(name);
  }

  /** The beans as expressions see them: only the delegates and listeners, looked up when used. */
  Map<Object, Object> forExpressions() {
    return new AbstractMap<>() {
      @Override
      public boolean containsKey(Object key) {
        return key instanceof String name && names().contains(name);
      }

      @Override
      public Object get(Object key) {
        return containsKey(key) ? context.getBean((String) key) : null;
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        return names().stream().map(n -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(n,
            context.getBean(n))).collect(Collectors.toSet());
      }
    };
  }
}
