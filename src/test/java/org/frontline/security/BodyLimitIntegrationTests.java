package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.frontline.security.FromAddress.Answer;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are limited by the bytes sent, not by what the client declares: a chunked body (no Content-Length)
 * over the limit is answered 413 and nothing of it is evaluated, for JSON, the scan endpoint, forms and file uploads.
 */
class BodyLimitIntegrationTests extends IntegrationTest {

	private static final int MB = 1024 * 1024;

	private static byte[] jsonLogin(String username, String password) {
		return ("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, String> type(String contentType) {
		return Map.of("Content-Type", contentType);
	}

	@Test
	void aChunkedJsonBodyOverTheLimitIsRefusedBeforeItIsEvaluated() {
		Map<String, Long> before = rowCounts();
		Answer answer = new FromAddress("127.0.0.1", port).send("POST", "/api/v1/auth/login", type("application/json"),
				jsonLogin("admin", "x".repeat(5 * MB)), 64 * 1024);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("body-too-large").doesNotContain("Exception");
		assertThat(rowCounts()).as("no sign-in attempt was counted or audited").isEqualTo(before);
	}

	@Test
	void aSmallChunkedJsonBodyIsServedAsBefore() {
		Answer answer = new FromAddress("127.0.0.1", port).send("POST", "/api/v1/auth/login", type("application/json"),
				jsonLogin("volunteer", DEMO_PASSWORD), 7);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("token");
	}

	@Test
	void aChunkedScanBatchOverTheLimitIsRefusedAndStoresNothing() {
		String token = api().as("registrar").token();
		Map<String, Long> before = rowCounts();
		byte[] batch = ("{\"deviceId\":\"" + "d".repeat(5 * MB) + "\",\"events\":[]}").getBytes(StandardCharsets.UTF_8);
		Answer answer = new FromAddress("127.0.0.1", port).send("POST", "/api/v1/scans",
				Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token), batch, 64 * 1024);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("body-too-large");
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void aChunkedFormOverTheLimitIsRefused() {
		FromAddress client = new FromAddress("127.0.0.1", port);
		client.get("/login");
		byte[] form = ("_csrf=" + client.csrf() + "&username=admin&password=" + "x".repeat(3 * MB))
			.getBytes(StandardCharsets.UTF_8);
		Answer answer = client.send("POST", "/login", type("application/x-www-form-urlencoded"), form, 64 * 1024);
		assertThat(answer.status()).isEqualTo(413);
	}

	@Test
	void aChunkedUploadOverTheLimitIsRefusedAndImportsNothing() {
		String token = api().as("community").token();
		Map<String, Long> before = rowCounts();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String boundary = "frontline-boundary";
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] line = "name,idNumber\n".getBytes(StandardCharsets.UTF_8);
		while (body.size() < 22 * MB) {
			body.writeBytes(line);
		}
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		Answer answer = new FromAddress("127.0.0.1", port).send("POST", "/api/v1/people/import",
				Map.of("Content-Type", "multipart/form-data; boundary=" + boundary, "Authorization", "Bearer " + token),
				body.toByteArray(), 256 * 1024);
		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertThat(rowCounts()).isEqualTo(before);
		Answer raw = new FromAddress("127.0.0.1", port).send("POST", "/api/v1/people/import",
				Map.of("Content-Type", "text/csv", "Authorization", "Bearer " + token), body.toByteArray(), 256 * 1024);
		assertThat(raw.status()).as(raw.body()).isEqualTo(413);
		assertThat(rowCounts()).isEqualTo(before);
	}
}
