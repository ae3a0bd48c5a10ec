package dev.sluice.bench;

import jakarta.json.Json;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code bin/simulator} as a child process, started with the given flags and stopped on close. */
final class SimulatorProcess implements AutoCloseable {

  private static final Pattern READY = Pattern.compile("simulator listening on (http://\\S+)");

  private final Process process;
  private final URI baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  private SimulatorProcess(Process process, URI baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  static SimulatorProcess start(List<String> flags) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(new File("bin/simulator").getAbsolutePath());
    command.add("--port=0");
    command.addAll(flags);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      Matcher ready = READY.matcher(line);
      if (ready.find()) {
        return new SimulatorProcess(process, URI.create(ready.group(1)));
      }
    }
    process.destroyForcibly();
    throw new IOException("the simulator exited before it listened");
  }

  /** The simulator's root, e.g. {@code http://127.0.0.1:40123}. */
  URI baseUrl() {
    return baseUrl;
  }

  long pid() {
    return process.pid();
  }

  /** API requests the simulator has received so far, as its {@code /_sim/stats} counts them. */
  long requests() throws IOException, InterruptedException {
    HttpResponse<String> stats =
        http.send(
            HttpRequest.newBuilder(baseUrl.resolve("/_sim/stats")).build(),
            HttpResponse.BodyHandlers.ofString());
    if (stats.statusCode() != 200) {
      throw new IOException("GET /_sim/stats answered " + stats.statusCode());
    }
    return Json.createReader(new StringReader(stats.body()))
        .readObject()
        .getJsonNumber("requests")
        .longValue();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
