package org.frontline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The phones' scan requests as the application's access log saw them ({@link #PATTERN}): how long Frontline took from
 * when a request thread began reading a request to its answer (Tomcat's {@code %D}, µs), and how long the request had
 * waited before that since the phone handed it to its HTTP client (its {@link Phones#SENT_HEADER} against Tomcat's
 * start, ms): the phone's own latency less these two is what its client and the cores added. By the second of the
 * phones' run in which the request began. With them, the application's collector pauses and allocation stalls, from its
 * GC log ({@link #GC_LOG}), by the second they ended in.
 */
record ServerTimes(Phones.Latencies refused, Phones.Latencies refusedBefore, Phones.Latencies accepted,
		Phones.Latencies pauses, Phones.Latencies refusedBeforeInAppPause, Phones.Latencies refusedBeforeInGeneratorPause,
		Phones.Latencies refusedBeforeClear) {

	/** Sent (epoch µs) | began (epoch ms) | status | µs in the server | method | path. */
	static final String PATTERN = "%{" + Phones.SENT_HEADER + "}i|%{begin:msec}t|%s|%D|%m|%U";

	/** The application's JVM option writing its GC log to a file, each line stamped with the epoch ms. */
	static final String GC_LOG = "-Xlog:gc*:file=%s:timemillis:filecount=0";

	private static final String SCANS = "/api/v1/scans";

	/** "[1796...ms][info][gc] GC(5) Pause Young (Allocation Failure) 222M->44M(457M) 229.336ms" */
	private static final java.util.regex.Pattern PAUSE = java.util.regex.Pattern
		.compile("^\\[(\\d+)ms\\].*(?:Pause|Allocation Stall).* (\\d+(?:\\.\\d+)?)ms$");

	/**
	 * Reads the log once Tomcat has written the lines up to {@code surgeTo} (it flushes its buffer every 10 s); no log:
	 * nothing.
	 */
	static ServerTimes read(Path log, Path gcLog, Phones phones, long surgeTo) throws IOException, InterruptedException {
		ServerTimes times = new ServerTimes(new Phones.Latencies(4_000_000), new Phones.Latencies(4_000_000),
				new Phones.Latencies(4_000_000), new Phones.Latencies(100_000), new Phones.Latencies(4_000_000),
				new Phones.Latencies(4_000_000), new Phones.Latencies(4_000_000));
		java.util.List<long[]> appPauses = new java.util.ArrayList<>();
		if (gcLog != null && Files.exists(gcLog)) {
			try (BufferedReader lines = Files.newBufferedReader(gcLog)) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					java.util.regex.Matcher pause = PAUSE.matcher(line);
					long at = pause.matches() ? Long.parseLong(pause.group(1)) : 0;
					if (at >= phones.startEpochMillis) {
						long micros = (long) (Double.parseDouble(pause.group(2)) * 1000);
						appPauses.add(new long[] { at * 1000 - micros, at * 1000 });
						times.pauses.add(phones.second(phones.start + (at - phones.startEpochMillis) * 1_000_000),
								(long) (Double.parseDouble(pause.group(2)) * 1e6));
					}
				}
			}
		}
		if (log == null || !Files.exists(log)) {
			return times;
		}
		long flushed = surgeTo + 12_000_000_000L - System.nanoTime();
		if (flushed > 0) {
			Thread.sleep(flushed / 1_000_000);
		}
		java.util.List<long[]> generatorPauses = phones.generatorPauses();
		try (BufferedReader lines = Files.newBufferedReader(log)) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String[] f = line.split("\\|");
				if (f.length < 6 || f[0].equals("-") || !f[4].equals("POST") || !f[5].equals(SCANS)) {
					continue;
				}
				long sentMicros = Long.parseLong(f[0]);
				long began = Long.parseLong(f[1]);
				if (began < phones.startEpochMillis) {
					continue;
				}
				int second = phones.second(phones.start + (began - phones.startEpochMillis) * 1_000_000);
				long inServer = Long.parseLong(f[3]) * 1000;
				if (f[2].equals("429") || f[2].equals("503")) {
					times.refused.add(second, inServer);
					long waited = Math.max(0, began * 1000 - sentMicros) * 1000;
					times.refusedBefore.add(second, waited);
					// Its wait overlapped a collector's pause of the application or of this load generator (µs, the
					// server's start in ms).
					if (overlaps(appPauses, sentMicros, began * 1000 + 1000)) {
						times.refusedBeforeInAppPause.add(second, waited);
					}
					else if (overlaps(generatorPauses, sentMicros, began * 1000 + 1000)) {
						times.refusedBeforeInGeneratorPause.add(second, waited);
					}
					else {
						times.refusedBeforeClear.add(second, waited);
					}
				}
				else if (f[2].equals("200")) {
					times.accepted.add(second, inServer);
				}
			}
		}
		return times;
	}

	/** Whether any of the intervals (epoch µs, in order of their end) overlaps [from, to]. */
	private static boolean overlaps(java.util.List<long[]> intervals, long from, long to) {
		int low = 0;
		int high = intervals.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (intervals.get(mid)[1] < from) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low < intervals.size() && intervals.get(low)[0] <= to;
	}
}
