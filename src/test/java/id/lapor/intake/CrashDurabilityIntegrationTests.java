package id.lapor.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lapor.support.PackagedApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 201 means the complaint is on disk: the packaged application on its embedded default (H2 file)
 * takes complaints from four clients, is killed with SIGKILL in the middle of it, and is started again
 * on the same data. Every complaint that was answered 201 is there, with its process instance and its
 * Verify complaint task. While it starts, the complaint API answers 503 with Retry-After, never "unknown
 * region". Runs in the separate JVM execution with the other tests that start applications.
 */
class CrashDurabilityIntegrationTests {

  static final List<String> ARGUMENTS = List.of("--lapor.demo.sample-complaints=false",
      "--lapor.limits.posts-per-hour=1000000", "--lapor.notifications.initial-delay=PT1H");

  @TempDir Path work;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void everyComplaintAnswered201SurvivesAKillOfTheJvm() throws Exception {
    Set<String> acknowledged = new ConcurrentSkipListSet<>();
    Map<Integer, Integer> startingAnswers = new ConcurrentHashMap<>();
    try (PackagedApp app = new PackagedApp(work, ARGUMENTS).start()) {
      app.awaitReady(Duration.ofMinutes(4), client -> startingAnswers.merge(submit(client, app), 1, Integer::sum));
      ExecutorService clients = Executors.newFixedThreadPool(4);
      AtomicBoolean running = new AtomicBoolean(true);
      for (int i = 0; i < 4; i++) {
        clients.submit(() -> {
          HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
          while (running.get()) {
            try {
              HttpResponse<String> r = client.send(app.complaintRequest(), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 201) {
                acknowledged.add(json.readTree(r.body()).get("trackingNumber").asText());
              }
            } catch (Exception killed) {
              // the answer that never came cannot have been a 201
            }
          }
        });
      }
      while (acknowledged.size() < 150) {
        Thread.sleep(50);
      }
      app.kill();
      running.set(false);
      clients.shutdown();
      clients.awaitTermination(30, TimeUnit.SECONDS);
    }
    assertThat(startingAnswers.keySet()).as("answers of the complaint API while starting").isSubsetOf(503, 201);

    try (PackagedApp again = new PackagedApp(work, ARGUMENTS).start()) {
      again.awaitReady(Duration.ofMinutes(4), client -> { });
      HttpClient client = HttpClient.newHttpClient();
      List<String> lost = new ArrayList<>();
      List<String> withoutTask = new ArrayList<>();
      for (String tn : acknowledged) {
        HttpResponse<String> status = client.send(HttpRequest.newBuilder(again.uri("/api/complaints/" + tn)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (status.statusCode() != 200) {
          lost.add(tn);
          continue;
        }
        JsonNode tasks = json.readTree(client.send(HttpRequest.newBuilder(
            again.uri("/engine-rest/task?processInstanceBusinessKey=" + tn)).header("Authorization", basic("demo"))
            .build(), HttpResponse.BodyHandlers.ofString()).body());
        if (tasks.size() != 1 || !"Task_VerifyComplaint".equals(tasks.get(0).path("taskDefinitionKey").asText())) {
          withoutTask.add(tn);
        }
      }
      assertThat(lost).as("answered 201 before the kill, gone after (of " + acknowledged.size() + ")").isEmpty();
      assertThat(withoutTask).as("without their Verify complaint task").isEmpty();
      JsonNode owners = json.readTree(client.send(HttpRequest.newBuilder(again.uri("/actuator/owners"))
          .header("Authorization", basic("demo")).build(), HttpResponse.BodyHandlers.ofString()).body());
      assertThat(owners.path("violations")).as("a complaint row exists if and only if its process does").isEmpty();
    }
  }

  private int submit(HttpClient client, PackagedApp app) {
    try {
      return client.send(app.complaintRequest(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return 0;
    }
  }


  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes());
  }
}
