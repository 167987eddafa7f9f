package org.frontline.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.frontline.support.PageSession;

/**
 * Plain HTTP/1.1 from one source address of the loopback range (127.0.0.2, 127.0.0.3, ...), as a client elsewhere on
 * the network would send it: the server sees that address as the client's. Keeps cookies like a browser.
 */
final class FromAddress {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private final String address;

	private final int port;

	private final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile String csrf;

	FromAddress(String address, int port) {
		this.address = address;
		this.port = port;
	}

	/** An answer: status, headers (names in lower case, first value) and body. */
	record Answer(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	Answer get(String path) {
		Answer answer = send("GET", path, null, null);
		Matcher matcher = CSRF.matcher(answer.body());
		if (matcher.find()) {
			csrf = matcher.group(1);
		}
		return answer;
	}

	/** A form post with the CSRF token of the last page read. */
	Answer postForm(String path, Map<String, String> fields) {
		return send("POST", path, "application/x-www-form-urlencoded",
				PageSession.formBody(fields, csrf).getBytes(StandardCharsets.UTF_8));
	}

	Answer postJson(String path, String json) {
		return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	/** The login form: GET for its token, then POST; the answer is its redirect. */
	Answer signIn(String username, String password) {
		get("/login");
		return postForm("/login", Map.of("username", username, "password", password));
	}

	Answer send(String method, String path, String contentType, byte[] body) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (body != null) {
			headers.put("Content-Type", contentType);
			headers.put("Content-Length", Integer.toString(body.length));
		}
		return send(method, path, headers, body, 0);
	}

	/**
	 * A request with headers of the caller's choice (a {@code Host} among them replaces the usual one); the body is
	 * sent in chunks of {@code chunkSize} bytes with {@code Transfer-Encoding: chunked} when that is above zero, as it
	 * is otherwise. A server that answers before the body is all sent is read all the same.
	 */
	Answer send(String method, String path, Map<String, String> headers, byte[] body, int chunkSize) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
			socket.setSoTimeout(60_000);
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
			if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
				head.append("Host: localhost:").append(port).append("\r\n");
			}
			head.append("Connection: close\r\n");
			head.append("Accept: text/html,application/json\r\n");
			if (!cookies.isEmpty()) {
				head.append("Cookie: ")
					.append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining("; ")))
					.append("\r\n");
			}
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (chunkSize > 0) {
				head.append("Transfer-Encoding: chunked\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
				if (body != null && chunkSize > 0) {
					for (int at = 0; at < body.length; at += chunkSize) {
						int size = Math.min(chunkSize, body.length - at);
						out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
						out.write(body, at, size);
						out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
					}
					out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				}
				else if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (IOException closedBeforeTheEnd) {
				// The server answered and closed without reading the rest: its answer is still there to read.
			}
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Answer read(InputStream in) throws IOException {
		// A server that refused a body it did not read may reset the connection after its answer: keep what came.
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = in.read(buffer)) >= 0;) {
				received.write(buffer, 0, n);
			}
		}
		catch (java.net.SocketException reset) {
			if (received.size() == 0) {
				throw reset;
			}
		}
		byte[] all = received.toByteArray();
		String text = new String(all, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		List<String> setCookies = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = lines[i].substring(colon + 1).strip();
			headers.putIfAbsent(name, value);
			if (name.equals("set-cookie")) {
				setCookies.add(value);
			}
		}
		for (String cookie : setCookies) {
			String pair = cookie.split(";", 2)[0];
			int eq = pair.indexOf('=');
			String value = pair.substring(eq + 1).strip();
			if (value.isEmpty() || cookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
				cookies.remove(pair.substring(0, eq).strip());
			}
			else {
				cookies.put(pair.substring(0, eq).strip(), value);
			}
		}
		byte[] raw = java.util.Arrays.copyOfRange(all, end + 4, all.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			raw = dechunk(raw);
		}
		return new Answer(status, headers, new String(raw, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] raw) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < raw.length) {
			int lineEnd = at;
			while (lineEnd + 1 < raw.length && !(raw[lineEnd] == '\r' && raw[lineEnd + 1] == '\n')) {
				lineEnd++;
			}
			String sizeLine = new String(raw, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
			int size = Integer.parseInt(sizeLine, 16);
			if (size == 0) {
				break;
			}
			body.write(raw, lineEnd + 2, size);
			at = lineEnd + 2 + size + 2;
		}
		return body.toByteArray();
	}

	/** The CSRF token of the last page read. */
	String csrf() {
		return csrf;
	}

	Map<String, String> cookies() {
		return Map.copyOf(cookies);
	}
}
