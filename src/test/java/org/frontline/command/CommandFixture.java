package org.frontline.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/** Users scoped where a test needs them, and waiting for what an event listener does after a commit. */
final class CommandFixture {

	static final String DISTRICT = "320602";

	static final String SUBDISTRICT = "320602001";

	static final String OTHER_SUBDISTRICT = "320602002";

	static final String BILINWAN = "320602001001";

	static final String CHENYUAN = "320602001002";

	static final String PASSWORD = IntegrationTest.DEMO_PASSWORD + "-Strong!9";

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private CommandFixture() {
	}

	static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
	}

	/** A new user with one role scoped to an area; returns the user name. */
	static String user(Api api, String role, String scope) {
		String username = unique("cmd-" + role.toLowerCase().replace('_', '-') + "-");
		Response created = api.as("admin").post("/api/v1/users",
				Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "scope", scope));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	static Api.As as(Api api, String username) {
		return api.as(username, PASSWORD);
	}

	static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited 15 s in vain");
			}
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** A module's part of an overview (the API's answer). */
	static JsonNode part(JsonNode overview, String module) {
		return overview.get("parts").valueStream().filter(p -> p.get("module").asString().equals(module)).findFirst()
			.orElseThrow(() -> new AssertionError("no part " + module));
	}

	/** A figure of a part, by its id. */
	static JsonNode figure(JsonNode part, String id) {
		return part.get("figures").valueStream().filter(f -> f.get("id").asString().equals(id)).findFirst()
			.orElseThrow(() -> new AssertionError("no figure " + id));
	}
}
