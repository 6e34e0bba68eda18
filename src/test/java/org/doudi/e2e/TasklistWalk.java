package org.doudi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doudi.platform.Chromium;
import org.doudi.platform.Http;
import org.doudi.platform.TasklistPage;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One case worked in Tasklist only, in Chinese, by the demo users of the right roles: the start form in 启动流程, then
 * every user task from 待认领（我的组）: claimed, filled ({@link TasklistForms}) and completed by its user. The test
 * plays the job executor (off in tests): it runs the case's asynchronous continuations and fires only the timers it
 * is told to (e.g. the end of the 公示). Each step leaves {@code target/browser/<walk>/NN-step.png}. Public for the
 * browser tests of other modules that hand a case to the caseworkers (e.g. the citizens' page).
 */
public final class TasklistWalk implements AutoCloseable {

  /** Who works a task and how its form is filled. */
  public record Step(String user, Consumer<TasklistPage> fill) {}

  private static final String MY_GROUPS = "待认领（我的组）";

  private final String name;
  private final String shotPrefix;
  private final int port;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final ChromeDriver browser;
  private TasklistPage page;
  private String user;
  private int step;
  private final List<String> done = new ArrayList<>();

  TasklistWalk(String name, int port, TaskService tasks, RuntimeService runtime, ManagementService management,
      HistoryService history) {
    this(name, "", port, tasks, runtime, management, history);
  }

  /**
   * A walk whose screenshots go to {@code target/browser/<name>/<shotPrefix>NN-step.png} (a prefix keeps them apart
   * from another browser's screenshots in the same folder).
   */
  public TasklistWalk(String name, String shotPrefix, int port, TaskService tasks, RuntimeService runtime,
      ManagementService management, HistoryService history) {
    this.name = name;
    this.shotPrefix = shotPrefix;
    this.port = port;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.browser = Chromium.start("zh-CN");
  }

  /**
   * Touches Camunda's web app and REST resources once, in sequence, before the first Tasklist load: on a fresh server
   * the browser's parallel first requests stayed at the splash screen for minutes on a loaded machine.
   */
  public static void warmUp(int port) {
    Http http = new Http(port);
    for (String path : new String[] {"/camunda/app/tasklist/default/", "/camunda/api/engine/engine/",
        "/camunda/app/tasklist/scripts/config.js", "/camunda/app/tasklist/locales/zh.json",
        "/camunda/api/admin/auth/user/default"}) {
      http.get("nongan-cw", path);
    }
  }

  /** "taskKey@user" of every task completed so far, in order. */
  public List<String> done() {
    return done;
  }

  /** {@code user} starts the process {@code processName} in Tasklist with its start form; returns the instance id. */
  String start(String user, String processKey, String processName, Consumer<TasklistPage> fill) {
    return guarded(() -> {
      logInAs(user);
      Set<String> before = instances(processKey);
      page.openStartForm(processName);
      fill.accept(page);
      shot("start-form-" + user);
      page.start();
      Set<String> after = instances(processKey);
      after.removeAll(before);
      assertThat(after).as("one new " + processKey + " started by " + user + " in Tasklist").hasSize(1);
      String pid = after.iterator().next();
      done.add("start@" + user);
      return pid;
    });
  }

  /**
   * Works the case until it ends: due asynchronous continuations run, each open task that has a step is worked in
   * Tasklist, and when no task is workable the listed timers (by activity id) fire. Fails when the case is stuck.
   */
  public void workUntilEnd(String pid, Map<String, Step> steps, Set<String> firableTimers) {
    guarded(() -> {
      for (int round = 0; round < 40; round++) {
        runJobs(pid);
        if (ended(pid)) {
          shot("ended");
          return null;
        }
        List<Task> open = tasks.createTaskQuery().processInstanceId(pid).list().stream()
            .filter(t -> steps.containsKey(t.getTaskDefinitionKey())).toList();
        if (!open.isEmpty()) {
          work(open.get(0), steps.get(open.get(0).getTaskDefinitionKey()));
          continue;
        }
        if (!fireTimers(pid, firableTimers)) {
          throw new AssertionError("The case is stuck at " + runtime.getActiveActivityIds(pid) + "; done: " + done);
        }
      }
      throw new AssertionError("The case did not end; done: " + done);
    });
  }

  /**
   * Works the case's open task {@code taskKey} (after its due asynchronous continuations ran) in Tasklist as one step,
   * e.g. a 受理 that leaves the case waiting for the applicant; fails when no such task is open.
   */
  public void work(String pid, String taskKey, Step s) {
    guarded(() -> {
      runJobs(pid);
      Task task = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new AssertionError("No open " + taskKey + " but " + runtime.getActiveActivityIds(pid) + "; done: " + done);
      }
      work(task, s);
      runJobs(pid);
      return null;
    });
  }

  private void work(Task task, Step s) {
    logInAs(s.user());
    page.reload(port); // the list as it is now
    page.selectFilter(MY_GROUPS);
    assertThat(page.openFromList(task.getId())).isEqualTo(task.getName());
    page.claim();
    s.fill().accept(page);
    shot(task.getTaskDefinitionKey() + "-" + s.user());
    String id = task.getId();
    page.completeAndWait(() -> tasks.createTaskQuery().taskId(id).count() == 0);
    done.add(task.getTaskDefinitionKey() + "@" + s.user());
  }

  private void logInAs(String next) {
    if (next.equals(user)) {
      return;
    }
    page = page == null ? TasklistPage.open(browser, port).logIn(next) : page.switchUser(next, port);
    user = next;
  }

  private Set<String> instances(String processKey) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
        .map(ProcessInstance::getId).collect(Collectors.toCollection(HashSet::new));
  }

  private boolean ended(String pid) {
    return runtime.createProcessInstanceQuery().processInstanceId(pid).count() == 0;
  }

  /** Executes the case's due asynchronous continuations (the tests' job executor is off). */
  public void runJobs(String pid) {
    for (int i = 0; i < 50; i++) {
      Job job = management.createJobQuery().processInstanceId(pid).messages().list().stream().findFirst()
          .orElse(null);
      if (job == null) {
        return;
      }
      management.executeJob(job.getId());
    }
    throw new AssertionError("more than 50 asynchronous continuations in a row");
  }

  private boolean fireTimers(String pid, Set<String> activities) {
    boolean fired = false;
    for (String activity : activities) {
      for (Job timer : management.createJobQuery().processInstanceId(pid).timers().activityId(activity).list()) {
        management.executeJob(timer.getId());
        done.add("timer:" + activity);
        fired = true;
      }
    }
    return fired;
  }

  /** The activity ids the case passed (ended or not). */
  public List<String> passed(String pid) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(pid).finished().list().stream()
        .map(a -> a.getActivityId()).toList();
  }

  private void shot(String what) {
    step++;
    page.screenshot(name, shotPrefix + String.format("%02d-%s", step, what));
  }

  private <T> T guarded(java.util.concurrent.Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException | AssertionError e) {
      failureReport();
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The window and the page source as target/browser/<walk>-failed.png/.html. */
  private void failureReport() {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser"));
      Files.write(dir.resolve(name + "-failed.png"), browser.getScreenshotAs(OutputType.BYTES));
      Files.writeString(dir.resolve(name + "-failed.html"), browser.getPageSource());
      Files.write(dir.resolve(name + "-failed-console.txt"), browser.manage().logs().get(
          org.openqa.selenium.logging.LogType.BROWSER).getAll().stream().map(Object::toString).toList());
    } catch (IOException | RuntimeException ignored) {
      // the failure itself is what the test reports
    }
  }

  @Override
  public void close() {
    browser.quit();
  }
}
