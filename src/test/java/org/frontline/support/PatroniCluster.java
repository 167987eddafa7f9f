package org.frontline.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A Patroni cluster on this machine through {@code deploy/ha/cluster.sh} (Debian's postgresql-15, patroni,
 * etcd-server, haproxy): started by {@link #up}, every member stopped and its data deleted by {@link #close}.
 */
public final class PatroniCluster implements AutoCloseable {

	public static final String APP_USER = "frontline";

	public static final String APP_PASSWORD = "frontline-ha-app";

	private static final Path SCRIPT = Path.of("deploy/ha/cluster.sh").toAbsolutePath();

	private final Map<String, String> environment;

	private final Path data;

	private PatroniCluster(Path data, int nodes, int etcd, int portBase, String sharedBuffers) {
		this.data = data;
		this.environment = Map.of("HA_DATA", data.toString(), "HA_NODES", Integer.toString(nodes), "HA_ETCD",
				Integer.toString(etcd), "HA_PORT_BASE", Integer.toString(portBase), "HA_SHARED_BUFFERS", sharedBuffers,
				"HA_APP_PASSWORD", APP_PASSWORD);
	}

	/** Starts a cluster of {@code nodes} PostgreSQL servers and {@code etcd} etcd members, data in {@code data}. */
	public static PatroniCluster up(Path data, int nodes, int etcd, int portBase) throws IOException {
		return up(data, nodes, etcd, portBase, "128MB");
	}

	/** The same with each server's buffer cache ({@code shared_buffers}) given. */
	public static PatroniCluster up(Path data, int nodes, int etcd, int portBase, String sharedBuffers)
			throws IOException {
		PatroniCluster cluster = new PatroniCluster(data, nodes, etcd, portBase, sharedBuffers);
		try {
			cluster.run(300, "up");
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
		return cluster;
	}

	/**
	 * A port base (see {@code deploy/ha/cluster.env}) whose ports are all free now, so that clusters of builds running
	 * side by side on one machine do not meet.
	 */
	public static int freePortBase() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int base = 26000 + ThreadLocalRandom.current().nextInt(34) * 1000;
			if (IntStream.of(0, 1, 2, 100, 101, 102, 110, 111, 112, 200, 201, 202, 300, 301, 302)
				.allMatch(offset -> free(base + offset))) {
				return base;
			}
		}
		throw new IllegalStateException("No free port range for a Patroni cluster");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new java.net.ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Frontline's multi-host JDBC URL ({@code targetServerType=primary}); {@code haproxy} or {@code replicas}. */
	public String url(String... kind) {
		return run(10, kind.length == 0 ? List.of("url") : List.of("url", kind[0])).trim();
	}

	/** The JDBC URL of one member. */
	public String nodeUrl(int node) {
		return run(10, "url", "node", Integer.toString(node)).trim();
	}

	/** The number of the member that is the primary now, or -1. */
	public int leader() {
		return member("leader");
	}

	/** The number of the synchronous standby now, or -1. */
	public int synchronousStandby() {
		return member("sync");
	}

	public void killNode(int node) {
		run(30, "kill-node", Integer.toString(node));
	}

	public void killPostmaster(int node) {
		run(30, "kill-postmaster", Integer.toString(node));
	}

	/** A planned switchover ({@code patronictl switchover}); answers patronictl's output. */
	public String switchover(int leader, int candidate) {
		return run(180, "patronictl", "switchover", "--leader", "node" + leader, "--candidate", "node" + candidate,
				"--force");
	}

	public void startNode(int node) {
		run(30, "start-node", Integer.toString(node));
	}

	public void waitHealthy(int seconds) {
		run(seconds + 10, "wait-healthy", Integer.toString(seconds));
	}

	/** Runs SQL as the superuser on a member and answers psql's unaligned output. */
	public String psql(int node, String sql) {
		return run(30, "psql", Integer.toString(node), "-d", "frontline", "-Atc", sql).trim();
	}

	/** Patroni's log of a member. */
	public String log(int node) throws IOException {
		Path log = data.resolve("node" + node).resolve("patroni.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	public String status() {
		return run(30, "status");
	}

	private int member(String role) {
		String answer = run(30, role).trim();
		return answer.isEmpty() ? -1 : Integer.parseInt(answer);
	}

	private String run(int seconds, String... args) {
		return run(seconds, List.of(args));
	}

	private String run(int seconds, List<String> args) {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(args);
		try {
			Path output = Files.createTempFile("cluster", ".out");
			try {
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(output.toFile());
				builder.environment().putAll(environment);
				Process process = builder.start();
				if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(String.join(" ", args) + " took more than " + seconds + " s: "
							+ Files.readString(output));
				}
				String text = Files.readString(output);
				if (process.exitValue() != 0) {
					throw new IllegalStateException(String.join(" ", args) + " failed: " + text);
				}
				return text;
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		run(180, "down");
	}
}
