package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.frontline.security.FromAddress.Answer;
import org.frontline.support.Api;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in and residents' look-up limits, with clients on different source addresses of the loopback range: growing
 * delays per address and per account, a global limit, atomic counting, and no lockout of an owner.
 */
class SignInLimitsIntegrationTests extends IntegrationTest {

	private static final String PASSWORD = "Limits2022owner";

	/** The limits are about time: a stopped clock keeps a slow machine from letting a delay run out mid-test. */
	@BeforeEach
	void stopTheClock() {
		clock.freeze();
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void parallelWrongPasswordsForOneAccountAreCheckedOnlyAsOftenAsItsLimitAllows() throws Exception {
		String user = createUser();
		FromAddress attacker = from("127.0.1.1");
		List<Integer> statuses = parallel(40, 16, i -> signIn(attacker, user, "wrong-" + i).status());
		assertThat(statuses.stream().filter(s -> s == 401)).as(statuses.toString()).hasSize(5);
		assertThat(statuses.stream().filter(s -> s == 429)).hasSize(35);
		assertThat(auditCount(user, "LOGIN_FAILED")).isEqualTo(5);
	}

	@Test
	void theOwnerSigningInFromANewAddressIsSlowedDownByAtMostAMinuteNotLockedOut() {
		String user = createUser();
		FromAddress attacker = from("127.0.1.2");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(attacker, user, "wrong-" + i).status()).isEqualTo(401);
		}
		Answer refused = signIn(attacker, user, "wrong-5");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(refused.body()).contains("/login-throttled");

		Answer owner = signIn(from("127.0.1.3"), user, PASSWORD);
		assertThat(owner.status()).isEqualTo(429);
		assertThat(Integer.parseInt(owner.header("Retry-After"))).isBetween(1, 60);
		clock.advance(Duration.ofSeconds(61));
		assertThat(signIn(from("127.0.1.3"), user, PASSWORD).status()).isEqualTo(200);
		assertThat(signIn(attacker, user, "wrong-6").status()).as("a success starts the account's count afresh")
			.isEqualTo(401);
	}

	@Test
	void guessingFromElsewhereDoesNotSlowTheOwnerAtAnAddressTheySignedInFromBefore() {
		String user = createUser();
		FromAddress usual = from("127.0.1.4");
		assertThat(signIn(usual, user, PASSWORD).status()).isEqualTo(200);
		FromAddress attacker = from("127.0.1.5");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(attacker, user, "wrong-" + i).status()).isEqualTo(401);
		}
		assertThat(signIn(attacker, user, PASSWORD).status()).isEqualTo(429);
		assertThat(signIn(usual, user, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void eachFurtherFailureForAnAccountDoublesTheWaitUpToAMinute() {
		String user = createUser();
		FromAddress attacker = from("127.0.1.6");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(attacker, user, "wrong-" + i).status()).isEqualTo(401);
		}
		List<Integer> waits = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Answer refused = signIn(attacker, user, "wrong");
			assertThat(refused.status()).isEqualTo(429);
			int wait = Integer.parseInt(refused.header("Retry-After"));
			waits.add(wait);
			clock.advance(Duration.ofSeconds(wait));
			assertThat(signIn(attacker, user, "wrong").status()).as("checked once the wait is over").isEqualTo(401);
		}
		assertThat(waits).containsExactly(1, 2, 4, 8, 16, 32, 60, 60);
	}

	@Test
	void oneAddressTryingManyUserNamesIsSlowedDownForEveryAccount() {
		FromAddress sprayer = from("127.0.1.7");
		String prefix = "spray" + System.nanoTime() % 100_000 + "-";
		for (int i = 0; i < 20; i++) {
			assertThat(signIn(sprayer, prefix + i, "Password-" + i).status()).isEqualTo(401);
		}
		Answer refused = signIn(sprayer, prefix + 20, "Password-20");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(signIn(sprayer, "commander", DEMO_PASSWORD).status()).isEqualTo(429);
		assertThat(signIn(from("127.0.1.8"), "commander", DEMO_PASSWORD).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE username LIKE :p AND action = 'LOGIN_FAILED'")
			.param("p", prefix + "%").query(Long.class).single()).isEqualTo(20);
	}

	@Test
	void aGlobalLimitSlowsSignInsFromUnfamiliarAddressesButNotOwnersAtTheirUsualOne() {
		String user = createUser();
		FromAddress usual = from("127.0.1.9");
		assertThat(signIn(usual, user, PASSWORD).status()).isEqualTo(200);
		// 299 failures of this minute from all over, as if counted already: the 300th is the last one checked.
		jdbc.sql("""
				INSERT INTO security_attempt_limit (key, failures, last_attempt) VALUES (:key, 299, :now)
				ON CONFLICT (key) DO UPDATE SET failures = 299, last_attempt = :now
				""")
			.param("key", "signin:minute:" + clock.instant().getEpochSecond() / 60)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.update();
		try {
			assertThat(signIn(from("127.0.3.1"), "nobody-" + System.nanoTime() % 1000, "Password-1").status())
				.isEqualTo(401);
			Answer refused = signIn(from("127.0.3.2"), "nobody-else", "Password-2");
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.header("Retry-After")).isEqualTo("60");
			assertThat(signIn(from("127.0.3.3"), user, PASSWORD).status()).as("the owner from a new address waits too")
				.isEqualTo(429);
			assertThat(signIn(usual, user, PASSWORD).status()).as("but not at their usual address").isEqualTo(200);
			clock.advance(Duration.ofMinutes(1));
			assertThat(signIn(from("127.0.3.3"), user, PASSWORD).status()).as("a new minute counts afresh")
				.isEqualTo(200);
		}
		finally {
			// Other tests sign in as new users from 127.0.0.1: leave them no global limit in force.
			jdbc.sql("DELETE FROM security_attempt_limit WHERE key LIKE 'signin:minute:%'").update();
		}
	}

	@Test
	void overLongUserNamesAndPasswordsAreRefusedWithAClearMessageNeverAServerError() {
		FromAddress client = from("127.0.1.10");
		Answer longName = client.signIn("u".repeat(1_000_000), "whatever-1");
		assertThat(longName.status()).isEqualTo(302);
		assertThat(longName.header("Location")).endsWith("/login?toolong");
		assertThat(client.get("/login?toolong&lang=en").body()).contains("at most 64 characters");
		Answer longPassword = client.signIn("commander", "密".repeat(25));
		assertThat(longPassword.header("Location")).endsWith("/login?toolong");

		Answer api = signIn(client, "commander", "x".repeat(73));
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.body()).contains("\"field\":\"password\"");
		assertThat(signIn(client, "u".repeat(65), "whatever-1").status()).isEqualTo(400);
		Api.Response created = api().as("admin").post("/api/v1/users", Map.of("username", "long." + System.nanoTime()
				% 100_000, "password", "长密码".repeat(9) + "x1", "roles", List.of("VOLUNTEER"), "scope", "320602"));
		assertThat(created.status()).as(created.body()).isEqualTo(400);
		assertThat(created.body()).contains("\"field\":\"password\"");
	}

	@Test
	void wrongLookUpsWithSomeonesIdNumberDoNotBlockTheirOwnLookUp() {
		String idNumber = TestData.residentId();
		String phone = TestData.phone();
		assertThat(api().as("community").post("/api/v1/people", Map.of("name", "查码人", "idNumber", idNumber, "phone",
				phone, "area", TestData.CHENYUAN_COMPOUND)).status()).isEqualTo(201);
		FromAddress attacker = from("127.0.2.1");
		attacker.get("/public/code");
		for (int i = 0; i < 10; i++) {
			assertThat(attacker.postForm("/public/code", Map.of("name", "查码人", "idNumber", idNumber, "phone",
					"1380000000" + i)).body()).contains("id=\"code-mismatch\"");
		}
		assertThat(attacker.postForm("/public/code", Map.of("name", "查码人", "idNumber", idNumber, "phone", phone))
			.body()).as("the address that guessed waits, even with the right answer").contains("id=\"code-limited\"");

		FromAddress owner = from("127.0.2.2");
		owner.get("/public/code");
		String answer = owner.postForm("/public/code", Map.of("name", "查码人", "idNumber", idNumber, "phone", phone))
			.body();
		assertThat(answer).contains("data:image/png;base64").doesNotContain("code-limited", "code-mismatch");
		owner.get("/public/result");
		assertThat(owner.postForm("/public/result", Map.of("name", "查码人", "idNumber", idNumber, "phone", phone))
			.body()).doesNotContain("result-limited");
	}

	@Test
	void parallelWrongLookUpsFromOneAddressAreCountedAtomically() throws Exception {
		FromAddress client = from("127.0.2.3");
		client.get("/public/result");
		List<String> answers = parallel(30, 16, i -> client.postForm("/public/result", Map.of("name", "无此人", "idNumber",
				TestData.residentId(), "phone", TestData.phone())).body());
		assertThat(answers.stream().filter(a -> a.contains("id=\"result-mismatch\""))).hasSize(10);
		assertThat(answers.stream().filter(a -> a.contains("id=\"result-limited\""))).hasSize(20);
	}

	private FromAddress from(String address) {
		return new FromAddress(address, port);
	}

	private static Answer signIn(FromAddress from, String username, String password) {
		return from.postJson("/api/v1/auth/login", Api.json(Map.of("username", username, "password", password)));
	}

	private String createUser() {
		String username = "limits." + System.nanoTime() % 10_000_000;
		Api.Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
				PASSWORD, "roles", List.of("VOLUNTEER"), "scope", "320602001001"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private long auditCount(String username, String action) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = :u AND action = :a").param("u", username)
			.param("a", action).query(Long.class).single();
	}

	private interface Call<T> {

		T call(int i) throws Exception;
	}

	private static <T> List<T> parallel(int count, int threads, Call<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(pool.submit((Callable<T>) () -> call.call(n)));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
