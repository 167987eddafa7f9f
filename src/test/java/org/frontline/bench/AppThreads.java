package org.frontline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the application's CPU goes during a surge, by kind of thread (JIT compilers, collector, request threads,
 * Tomcat's poller (with the NIO2 connector, its channel group's threads) and acceptor, the scan committers and answer threads), how long those threads waited for a core (in
 * the kernel's run queue), and how many sockets it holds open: read from {@code /proc} once a second. The kernel keeps only 15 characters of a thread's name, so the threads are named
 * by the JVM's own thread dump ({@code jcmd Thread.print}) when the figures are printed.
 */
final class AppThreads {

	private static final Pattern NATIVE_ID = Pattern.compile("^\"([^\"]+)\".* nid=0x([0-9a-f]+)");

	/** The kinds, in the order printed, with what a thread's name starts with or contains. */
	private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

	static {
		KINDS.put("JIT compilers", Pattern.compile("C\\d CompilerThread.*|Sweeper thread"));
		KINDS.put("collector and VM", Pattern.compile("GC Thread.*|VM Thread|G1 .*|ZGC.*|VM Periodic.*"));
		KINDS.put("request threads", Pattern.compile("http-nio2?-.*-exec-.*"));
		// NIO2's channel group polls and times reads out on threads of its own, named Thread-N.
		KINDS.put("poller", Pattern.compile("http-nio-.*-Poller.*|Thread-\\d+"));
		KINDS.put("acceptor", Pattern.compile("http-nio2?-.*-Acceptor.*"));
		KINDS.put("scan committers", Pattern.compile("scan-committer.*"));
		KINDS.put("scan answers", Pattern.compile("scan-answer.*"));
	}

	private final long pid;

	/** Per second: each thread's time on a core and in the run queue so far (ns), by its native id. */
	private final Map<Integer, Map<Integer, long[]>> ticks = new HashMap<>();

	/** Per second: the sockets the application holds open (connections, listening socket, database). */
	private final Map<Integer, Integer> sockets = new HashMap<>();

	AppThreads(long pid) {
		this.pid = pid;
	}

	/** Takes this second's readings. */
	void read(int second) {
		Map<Integer, long[]> now = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			for (Path task : tasks.toList()) {
				try {
					String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
					now.put(Integer.parseInt(task.getFileName().toString()),
							new long[] { Long.parseLong(fields[0]), Long.parseLong(fields[1]) });
				}
				catch (IOException | RuntimeException gone) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException | RuntimeException notLinux) {
			return;
		}
		ticks.put(second, now);
		int open = 0;
		try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
			for (Path fd : fds.toList()) {
				try {
					if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
						open++;
					}
				}
				catch (IOException | RuntimeException closed) {
					// closed meanwhile
				}
			}
		}
		catch (IOException | RuntimeException notLinux) {
			return;
		}
		sockets.put(second, open);
	}

	/**
	 * Prints, per 10 s up to {@code last}, the application's CPU and its threads' wait for a core (ms per second) by kind
	 * of thread, and its sockets.
	 */
	void print(String label, int last) {
		Map<Integer, String> names = names();
		System.out.printf("  %sthe application's threads, ms per second on a core (and waiting for one): JIT compilers /"
				+ " collector and VM / request threads / poller / acceptor / scan committers / scan answers / other; its"
				+ " open sockets at the window's end%n", label);
		for (int from = 0; from < last; from += 10) {
			int to = Math.min(last, from + 10);
			Map<Integer, long[]> a = reading(from, to, true);
			Map<Integer, long[]> b = reading(from, to, false);
			if (a == null || b == null || a == b) {
				continue;
			}
			Map<String, long[]> byKind = new LinkedHashMap<>();
			KINDS.keySet().forEach(kind -> byKind.put(kind, new long[2]));
			byKind.put("other", new long[2]);
			for (Map.Entry<Integer, long[]> thread : b.entrySet()) {
				long[] before = a.getOrDefault(thread.getKey(), new long[2]);
				long[] kind = byKind.get(kind(names.get(thread.getKey())));
				kind[0] += thread.getValue()[0] - before[0];
				kind[1] += thread.getValue()[1] - before[1];
			}
			double seconds = secondOf(b) - secondOf(a);
			StringBuilder line = new StringBuilder();
			for (long[] used : byKind.values()) {
				line.append(line.isEmpty() ? "" : " / ")
					.append(String.format("%3.0f (%3.0f)", used[0] / 1e6 / seconds, used[1] / 1e6 / seconds));
			}
			System.out.printf("  %4d-%3ds  %s | %5d sockets%n", from, to, line, sockets.getOrDefault(secondOf(b), 0));
		}
	}

	private Map<Integer, long[]> reading(int from, int to, boolean first) {
		if (first) {
			for (int s = from; s <= to; s++) {
				if (ticks.containsKey(s)) {
					return ticks.get(s);
				}
			}
		}
		else {
			for (int s = to; s >= from; s--) {
				if (ticks.containsKey(s)) {
					return ticks.get(s);
				}
			}
		}
		return null;
	}

	private int secondOf(Map<Integer, long[]> reading) {
		return ticks.entrySet().stream().filter(e -> e.getValue() == reading).findFirst().orElseThrow().getKey();
	}

	private static String kind(String name) {
		if (name != null) {
			for (Map.Entry<String, Pattern> kind : KINDS.entrySet()) {
				if (kind.getValue().matcher(name).matches()) {
					return kind.getKey();
				}
			}
		}
		return "other";
	}

	/** The native ids of the application's threads of these kinds (as {@link #print} names them). */
	List<String> ofKinds(String... kinds) {
		List<String> wanted = List.of(kinds);
		return names().entrySet()
			.stream()
			.filter(thread -> wanted.contains(kind(thread.getValue())))
			.map(thread -> Integer.toString(thread.getKey()))
			.toList();
	}

	/** The application's threads' names by native id, from its thread dump. */
	private Map<Integer, String> names() {
		Map<Integer, String> names = new HashMap<>();
		try {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
			List<String> lines = new String(jcmd.getInputStream().readAllBytes()).lines().toList();
			jcmd.waitFor();
			for (String line : lines) {
				Matcher matcher = NATIVE_ID.matcher(line);
				if (matcher.find()) {
					names.put(Integer.parseInt(matcher.group(2), 16), matcher.group(1));
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			System.out.println("  (no thread dump of the application: " + ex.getMessage() + ")");
		}
		return names;
	}
}
