package id.lapor.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start-up of the packaged application without the demo, until {@code /actuator/health/readiness}
 * says UP: as {@code java -jar} and with the class data sharing archive Spring Boot documents
 * (extracted jar, one training run), each on an empty H2 database (first start: schema, models
 * deployed) and again on the same one (a restart). Prints a table; docs/performance.md keeps the
 * figures and docs/operations.md the commands.
 *
 * <pre>
 * mvn -q -DskipTests package &amp;&amp; mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=id.lapor.support.StartupBenchmark
 * # -Dbench.repeat=3 starts each way three times (the table shows the median)
 * </pre>
 */
public final class StartupBenchmark {

  static final int REPEAT = Integer.getInteger("bench.repeat", 3);
  static final List<String> ARGUMENTS = List.of("--lapor.demo.enabled=false", "--camunda.bpm.admin-user.id=operator",
      "--camunda.bpm.admin-user.password=startup-benchmark", "--logging.level.root=warn");

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("lapor-startup");
    Path jar = PackagedApp.jar().toAbsolutePath();
    Path extracted = work.resolve("app");
    run(work, List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
        extracted.toString()));
    Path extractedJar = extracted.resolve(jar.getFileName());
    Path archive = extracted.resolve("app.jsa");
    Path training = Files.createDirectories(work.resolve("training"));
    List<String> train = new ArrayList<>(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive,
        "-Dspring.context.exit=onRefresh", "-jar", extractedJar.toString(), "--server.port=" + PackagedApp.freePort()));
    train.addAll(ARGUMENTS);
    long trained = run(training, train);
    System.out.printf(Locale.ROOT, "training run for the archive: %.1f s%n", trained / 1e9);

    List<String> rows = new ArrayList<>();
    rows.add(measure(work, "java -jar", List.of("-jar", jar.toString())));
    rows.add(measure(work, "class data sharing (extracted, app.jsa)",
        List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
            extractedJar.toString())));
    System.out.printf(Locale.ROOT, "%n%-42s %14s %14s%n", "start-up until ready (median of " + REPEAT + ")",
        "first start s", "restart s");
    rows.forEach(System.out::println);
  }

  private static String measure(Path work, String name, List<String> launch) throws Exception {
    List<Double> first = new ArrayList<>();
    List<Double> again = new ArrayList<>();
    for (int i = 0; i < REPEAT; i++) {
      Path dir = Files.createDirectories(work.resolve(name.replaceAll("\\W+", "-") + "-" + i));
      first.add(untilReady(dir, launch));
      again.add(untilReady(dir, launch));
    }
    return String.format(Locale.ROOT, "%-42s %14.1f %14.1f", name, median(first), median(again));
  }

  /** Seconds from the process start until readiness says UP; then stops it. */
  private static double untilReady(Path dir, List<String> launch) throws Exception {
    long start = System.nanoTime();
    try (PackagedApp app = new PackagedApp(dir, launch, ARGUMENTS).start()) {
      app.awaitReady(Duration.ofMinutes(5), client -> { });
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /** Runs a command to its end in {@code dir}; its duration in ns. */
  private static long run(Path dir, List<String> command) throws Exception {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("run-" + System.nanoTime() + ".log").toFile()).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", command) + "; see " + dir);
    }
    return System.nanoTime() - start;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
