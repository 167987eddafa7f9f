package org.frontline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's cookies over plain HTTP, without a browser: signs in through the login form and then calls pages and
 * the API with the session cookie (and the CSRF token of the last page read), as a page's scripts do.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String baseUrl;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf;

	public PageSession(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Signs in through the form; the answer is the form's redirect (to {@code /} on success). */
	public HttpResponse<String> signIn(String username, String password) {
		get("/login");
		return postForm("/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		return get(path, Map.of());
	}

	/** A page (or a page's poll) with headers of its own, such as htmx's or {@code If-None-Match}. */
	public HttpResponse<String> get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
		headers.forEach(request::header);
		HttpResponse<String> response = send(request);
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			csrf = matcher.group(1);
		}
		return response;
	}

	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(fields, csrf))));
	}

	/** A form's fields URL-encoded as a browser posts them, with the CSRF token of the page read when there is one. */
	public static String formBody(Map<String, String> fields, String csrf) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		if (csrf != null) {
			form.putIfAbsent("_csrf", csrf);
		}
		return form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** A JSON API call through the session, with the CSRF token in its header as the pages send it. */
	public HttpResponse<String> api(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
		if (csrf != null) {
			request.header("X-CSRF-TOKEN", csrf);
		}
		if (json == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		return send(request);
	}

	public String cookie(String name) {
		return cookies.get(name);
	}

	public Map<String, String> cookies() {
		return Map.copyOf(cookies);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				String name = pair.substring(0, eq).strip();
				String value = pair.substring(eq + 1).strip();
				if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
