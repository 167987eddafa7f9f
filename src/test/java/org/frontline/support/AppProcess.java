package org.frontline.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Frontline as a separate operating-system process (the test's own classpath), so that a test can kill it with
 * SIGKILL in the middle of its work and start it again, as a crash would.
 */
public final class AppProcess implements AutoCloseable {

	private final List<String> args;

	private final Path log;

	private final int port;

	private Process process;

	private String classpath = System.getProperty("frontline.app.classpath", System.getProperty("java.class.path"));

	private String cpus;

	public AppProcess(Path log, String... args) throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		this.log = log;
		this.args = List.of(args);
	}

	public int port() {
		return port;
	}

	/** Runs another build of Frontline (its classes and runtime dependencies) instead of this one. */
	public AppProcess classpath(String classpath) {
		this.classpath = classpath;
		return this;
	}

	/** Runs the process on these CPUs only ({@code taskset -c}, e.g. "0"). */
	public AppProcess cpus(String cpus) {
		this.cpus = cpus;
		return this;
	}

	public Api api() {
		return new Api(port);
	}

	public AppProcess start() throws Exception {
		List<String> command = new ArrayList<>();
		if (cpus != null) {
			command.addAll(List.of("taskset", "-c", cpus));
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + System.getProperty("frontline.app.xmx", "1g"));
		String jvmArgs = System.getProperty("frontline.app.jvm-args", "");
		if (!jvmArgs.matches(".*-XX:\\+Use\\w+GC.*")) {
			// The collector the README recommends (and spring-boot:run passes), unless the JVM options name another.
			command.add("-XX:+UseParallelGC");
		}
		if (!jvmArgs.isBlank()) {
			command.addAll(List.of(jvmArgs.trim().split("\\s+")));
		}
		command.add("-cp");
		command.add(classpath);
		command.add("org.frontline.FrontlineApplication");
		command.add("--server.port=" + port);
		command.addAll(args);
		process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		awaitHealthy(Duration.ofSeconds(Long.getLong("frontline.app.start-timeout", 180)));
		return this;
	}

	public long pid() {
		return process.pid();
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	private void awaitHealthy(Duration timeout) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Frontline exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("Frontline did not become healthy in " + timeout + "; see " + log);
	}

	@Override
	public void close() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

}
