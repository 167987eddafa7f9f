package org.frontline.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the API, signed in as a demo (or any) user with a bearer token. */
public class Api {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	public Api(int port) {
		this.port = port;
	}

	public int port() {
		return port;
	}

	/** A response: status, headers and the body as text and (when it is JSON) as a tree. */
	public record Response(int status, String body, HttpResponse<byte[]> raw) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}
	}

	/** Requests as the given user, signing in with the demo password on first use. */
	public As as(String username) {
		return as(username, IntegrationTest.DEMO_PASSWORD);
	}

	public As as(String username, String password) {
		String token = tokens.computeIfAbsent(username + "\u0000" + password, k -> {
			Response login = anonymous().post("/api/v1/auth/login", Map.of("username", username, "password", password));
			if (login.status() != 200) {
				throw new IllegalStateException("Login of " + username + " failed: " + login.status() + " " + login.body());
			}
			return login.json().get("token").asString();
		});
		return withToken(token);
	}

	/**
	 * Requests as the given user with a token issued now, by the injected clock: for a test that moved the clock
	 * further than a cached token lives (12 hours), which happens or not depending on the time of day it runs.
	 */
	public As signedInNow(String username) {
		Response login = anonymous().post("/api/v1/auth/login",
				Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));
		if (login.status() != 200) {
			throw new IllegalStateException("Login of " + username + " failed: " + login.status() + " " + login.body());
		}
		return withToken(login.json().get("token").asString());
	}

	public As withToken(String token) {
		return new As(token, null);
	}

	public As anonymous() {
		return new As(null, null);
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	public static String uuid() {
		return UUID.randomUUID().toString();
	}

	/** Requests carrying one bearer token (or none). */
	public final class As {

		private final String token;

		private final String language;

		private As(String token, String language) {
			this.token = token;
			this.language = language;
		}

		public String token() {
			return token;
		}

		/** The same caller sending {@code Accept-Language} (e.g. {@code en}, {@code zh-CN;q=0.9}). */
		public As acceptLanguage(String language) {
			return new As(token, language);
		}

		public Response get(String path) {
			return send(request(path).GET());
		}

		public Response delete(String path) {
			return send(request(path).DELETE());
		}

		public Response post(String path, Object body) {
			return send(request(path).header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(body instanceof String s ? s : json(body))));
		}

		public Response put(String path, Object body) {
			return send(request(path).header("Content-Type", "application/json")
				.PUT(BodyPublishers.ofString(body instanceof String s ? s : json(body))));
		}

		public Response postRaw(String path, String contentType, byte[] body) {
			return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
		}

		/** Like {@link #postRaw}, but asks before sending the body, as clients do for large uploads. */
		public Response postLarge(String path, String contentType, byte[] body) {
			return send(request(path).expectContinue(true)
				.header("Content-Type", contentType)
				.POST(BodyPublishers.ofByteArray(body)));
		}

		public Response send(String method, String path, String contentType, BodyPublisher body) {
			HttpRequest.Builder builder = request(path).method(method, body);
			if (contentType != null) {
				builder.header("Content-Type", contentType);
			}
			return send(builder);
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json");
			if (token != null) {
				builder.header("Authorization", "Bearer " + token);
			}
			if (language != null) {
				builder.header("Accept-Language", language);
			}
			return builder;
		}

		private Response send(HttpRequest.Builder builder) {
			try {
				HttpResponse<byte[]> response = http.send(builder.build(), BodyHandlers.ofByteArray());
				return new Response(response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8),
						response);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}
}
