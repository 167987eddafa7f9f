package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.frontline.shared.Role;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.AntPathMatcher;
import tools.jackson.databind.JsonNode;

/**
 * Every API endpoint, as the OpenAPI description lists it (so a new endpoint is swept without anyone adding it
 * here), called without a valid token and by users whose scope or role does not cover it: 401, 403 or 404, never
 * data, never a write; and called by a user of each role, answering as the README's table of roles says.
 */
class EndpointSweepIntegrationTests extends IntegrationTest {

	private static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/login", "GET /fhir/metadata");

	/** The FHIR endpoints, which describe themselves at /fhir/metadata instead of in the OpenAPI description. */
	private static final List<Endpoint> FHIR = List.of(new Endpoint("GET", "/fhir/metadata"),
			new Endpoint("GET", "/fhir/Patient"), new Endpoint("GET", "/fhir/Patient/{id}"),
			new Endpoint("GET", "/fhir/Specimen"), new Endpoint("GET", "/fhir/Specimen/{id}"),
			new Endpoint("GET", "/fhir/Group/{id}"), new Endpoint("GET", "/fhir/Observation"),
			new Endpoint("GET", "/fhir/Observation/{id}"), new Endpoint("GET", "/fhir/DiagnosticReport"),
			new Endpoint("GET", "/fhir/DiagnosticReport/{id}"), new Endpoint("POST", "/fhir"),
			new Endpoint("GET", "/fhir/$export"), new Endpoint("GET", "/fhir/$export-poll-status/{id}"),
			new Endpoint("DELETE", "/fhir/$export-poll-status/{id}"), new Endpoint("GET", "/fhir/$export-file/{id}/{name}"));

	/**
	 * Endpoints a volunteer of another community may legitimately call, each answering only what lies in the caller's
	 * own scope; their foreign-scope case is covered by {@link #FOREIGN}.
	 */
	private static final Set<String> OPEN_TO_ANY_SIGNED_IN_USER = Set.of("GET /api/v1/areas", "GET /api/v1/areas/{code}",
			"GET /api/v1/me/tokens", "DELETE /api/v1/me/tokens/{id}", "GET /api/v1/workforce/me/shifts");

	/**
	 * The user without the role for an endpoint, where a volunteer has it: device scans (volunteers check people in at
	 * the queue entrance).
	 */
	private static final Map<String, String> OUTSIDER = Map.of("POST /api/v1/scans", "community");

	/** How a community worker of 晨苑社区 addresses a resource of 中心村社区 through each endpoint. */
	private final Map<String, Call> FOREIGN = new LinkedHashMap<>();

	private record Endpoint(String method, String template) {

		String key() {
			return method + " " + template;
		}
	}

	private record Call(String path, String body) {
	}

	private long foreignPerson;

	@BeforeEach
	void foreignResources() {
		Response created = api().as("zhongxin").post("/api/v1/people", Map.of("name", "外区居民", "idNumber",
				TestData.residentId(), "area", TestData.ZHONGXINCUN_COMPOUND));
		assertThat(created.status()).isEqualTo(201);
		foreignPerson = created.json().get("id").asLong();
		String person = Api.json(Map.of("name", "越权", "idNumber", TestData.residentId(), "area",
				TestData.ZHONGXINCUN_COMPOUND));
		FOREIGN.put("GET /api/v1/people", new Call("/api/v1/people?area=" + TestData.ZHONGXINCUN_COMPOUND, null));
		FOREIGN.put("GET /api/v1/people/{id}", new Call("/api/v1/people/" + foreignPerson, null));
		FOREIGN.put("PUT /api/v1/people/{id}", new Call("/api/v1/people/" + foreignPerson, person));
		FOREIGN.put("POST /api/v1/people", new Call("/api/v1/people", person));
		FOREIGN.put("GET /api/v1/areas/{code}", new Call("/api/v1/areas/320602002001", null));
		FOREIGN.put("GET /api/v1/areas", new Call("/api/v1/areas", null));
		String zhongxinToken = api().as("zhongxin").token();
		long zhongxinTokenId = jdbc.sql("SELECT id FROM security_token WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
			.param("t", zhongxinToken).query(Long.class).single();
		FOREIGN.put("GET /api/v1/me/tokens", new Call("/api/v1/me/tokens", null));
		FOREIGN.put("DELETE /api/v1/me/tokens/{id}", new Call("/api/v1/me/tokens/" + zhongxinTokenId, null));
		FOREIGN.put("GET /api/v1/workforce/me/shifts", new Call("/api/v1/workforce/me/shifts", null));
		FOREIGN.put("GET /fhir/Patient/{id}", new Call("/fhir/Patient/" + foreignPerson, null));
		FOREIGN.put("GET /fhir/Observation", new Call("/fhir/Observation?patient=" + foreignPerson, null));
		FOREIGN.put("GET /fhir/DiagnosticReport", new Call("/fhir/DiagnosticReport?patient=" + foreignPerson, null));
	}

	@Test
	void noEndpointAnswersWithoutAValidToken() {
		String revoked = deviceToken("volunteer", true, false);
		String expired = deviceToken("volunteer", false, true);
		String disabledUser = tokenOfDisabledUser();
		Map<String, Api.As> callers = new LinkedHashMap<>();
		callers.put("no token", api().anonymous());
		callers.put("forged token", api().withToken("fl_" + "A".repeat(43)));
		callers.put("malformed header", api().withToken("not a token at all"));
		callers.put("revoked token", api().withToken(revoked));
		callers.put("expired token", api().withToken(expired));
		callers.put("token of a disabled user", api().withToken(disabledUser));
		List<String> failures = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			if (PUBLIC.contains(endpoint.key())) {
				continue;
			}
			Map<String, Long> before = rowCounts();
			for (Map.Entry<String, Api.As> caller : callers.entrySet()) {
				Response response = call(caller.getValue(), endpoint, fill(endpoint.template()), "{}");
				if (response.status() != 401) {
					failures.add(endpoint.key() + " with " + caller.getKey() + " answered " + response.status());
				}
			}
			Map<String, Long> after = rowCounts();
			if (!after.equals(before)) {
				failures.add(endpoint.key() + " wrote rows without a valid token: " + changed(before, after));
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void aUserOutsideTheScopeOrRoleGetsNothingAndWritesNothing() {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).hasSizeGreaterThan(10);
		List<String> failures = new ArrayList<>();
		Api.As community = api().as("community");
		// Sign the outsiders in before counting rows: a sign-in writes its audit row and token.
		OUTSIDER.values().forEach(api()::as);
		api().as("volunteer");
		for (Endpoint endpoint : endpoints) {
			if (PUBLIC.contains(endpoint.key())) {
				continue;
			}
			Map<String, Long> before = rowCounts();
			if (!OPEN_TO_ANY_SIGNED_IN_USER.contains(endpoint.key())) {
				String outsider = OUTSIDER.getOrDefault(endpoint.key(), "volunteer");
				Response response = call(api().as(outsider), endpoint, fill(endpoint.template()), "{}");
				if (response.status() != 403 && response.status() != 404) {
					failures.add(endpoint.key() + " as " + outsider + " answered " + response.status() + " "
							+ shorten(response.body()));
				}
			}
			Call foreign = FOREIGN.get(endpoint.key());
			if (foreign != null) {
				Response response = call(community, endpoint, foreign.path(), foreign.body() == null ? "{}" : foreign.body());
				if (endpoint.key().equals("GET /api/v1/areas")) {
					if (response.body().contains("320602002001")) {
						failures.add("GET /api/v1/areas shows 中心村社区 to a worker of 晨苑社区");
					}
				}
				else if (endpoint.key().equals("GET /api/v1/me/tokens")) {
					if (response.status() != 200 || response.body().contains("zhongxin")) {
						failures.add("GET /api/v1/me/tokens shows another user's tokens: " + shorten(response.body()));
					}
				}
				else if (endpoint.key().equals("GET /api/v1/workforce/me/shifts")) {
					// The community worker is on no worker record: their own shifts are none.
					if (response.status() != 200 || !response.body().equals("[]")) {
						failures.add("GET /api/v1/workforce/me/shifts shows shifts that are not the caller's: "
								+ shorten(response.body()));
					}
				}
				else if (endpoint.key().equals("GET /api/v1/people") || response.status() != 404 && response.status() != 403) {
					if (response.status() != 404 && response.status() != 403) {
						failures.add(endpoint.key() + " on another community answered " + response.status() + " "
								+ shorten(response.body()));
					}
				}
			}
			else if (OPEN_TO_ANY_SIGNED_IN_USER.contains(endpoint.key())) {
				failures.add(endpoint.key() + " is open to any user but has no foreign-scope case");
			}
			Map<String, Long> after = rowCounts();
			if (!after.equals(before)) {
				failures.add(endpoint.key() + " wrote rows for a user outside its scope: " + changed(before, after));
			}
		}
		assertThat(failures).isEmpty();
		assertThat(api().as("zhongxin").get("/api/v1/people/" + foreignPerson).status()).isEqualTo(200);
	}

	/**
	 * The README's table "What each role may call", row by row: every endpoint is covered by a row (the most specific
	 * pattern, as the security configuration orders them), every role has a column, and a user holding only that role
	 * (scoped to the district) is refused with 403 where the table says "—" and is not refused where it does not. The
	 * allowed calls name no existing record and carry an empty body, so they change nothing.
	 */
	@Test
	void eachRoleMayCallExactlyWhatTheReadmeTableSays() {
		RoleTable table = RoleTable.read(Path.of("README.md"));
		assertThat(table.roles()).as("a column for every role in the README's table")
			.containsExactlyInAnyOrder(Role.values());
		assertThat(table.rows().stream().collect(Collectors.groupingBy(RoleTable.Row::key, Collectors.counting())))
			.as("each endpoint family once in the README's table")
			.allSatisfy((key, rows) -> assertThat(rows).as(key).isEqualTo(1));
		Map<Role, Api.As> callers = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			callers.put(role, api().as(userWithOnly(role), ROLE_USER_PASSWORD));
		}
		Map<String, Long> before = rowCounts();
		List<String> failures = new ArrayList<>();
		Map<String, String> observed = new TreeMap<>();
		Set<RoleTable.Row> used = new java.util.HashSet<>();
		for (Endpoint endpoint : endpoints()) {
			if (PUBLIC.contains(endpoint.key())) {
				continue;
			}
			RoleTable.Row row = table.rowFor(endpoint.method(), endpoint.template());
			Set<Role> allowed = EnumSet.noneOf(Role.class);
			for (Map.Entry<Role, Api.As> caller : callers.entrySet()) {
				Response response = call(caller.getValue(), endpoint, absent(endpoint.template()), "{}");
				if (response.status() == 401) {
					failures.add(endpoint.key() + " as " + caller.getKey() + " answered 401");
				}
				if (response.status() != 403) {
					allowed.add(caller.getKey());
				}
			}
			observed.put(endpoint.key(), table.cells(allowed));
			if (row == null) {
				failures.add(endpoint.key() + " has no row in the README's table; it answers: | `" + endpoint.key()
						+ "` | " + table.cells(allowed) + " |");
				continue;
			}
			used.add(row);
			if (!row.allowed().equals(allowed)) {
				failures.add(endpoint.key() + " (row `" + row.key() + "`): the table allows " + row.allowed()
						+ ", the endpoint allows " + allowed);
			}
		}
		table.rows().stream().filter(row -> !used.contains(row)).forEach(row -> failures
			.add("the README's row `" + row.key() + "` covers no endpoint"));
		Map<String, Long> after = rowCounts();
		// Sign-ins write audit and security rows; the signing secret of codes is created once, on first use.
		after.keySet().removeIf(name -> name.startsWith("audit_") || name.startsWith("security_")
				|| name.equals("people_code_secret"));
		before.keySet().retainAll(after.keySet());
		if (!after.equals(before)) {
			failures.add("the calls of the allowed roles wrote rows: " + changed(before, after));
		}
		assertThat(failures).as("observed:%n%s", observed.entrySet()
			.stream()
			.map(e -> "| `" + e.getKey() + "` | " + e.getValue() + " |")
			.collect(Collectors.joining("\n"))).isEmpty();
	}

	private static final String ROLE_USER_PASSWORD = "Table-Heron-58-Quill";

	/** A user holding only this role, scoped to the district (created once). */
	private String userWithOnly(Role role) {
		String username = "role." + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
		boolean exists = jdbc.sql("SELECT count(*) FROM security_user WHERE username = :u").param("u", username)
			.query(Long.class).single() > 0;
		if (!exists) {
			Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
					ROLE_USER_PASSWORD, "roles", List.of(role.name()), "scope", "320602"));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}
		return username;
	}

	/** The path with every parameter naming a record that does not exist. */
	private static String absent(String template) {
		return template.replaceAll("\\{[^}]+}", "987654321");
	}

	/**
	 * The README's table of what each role may call: one row per endpoint family ({@code METHOD /pattern}, or
	 * {@code * /pattern} for every method), one column per role, "—" where the role is refused, "place" where only
	 * a user limited to a place may call.
	 */
	private record RoleTable(List<Role> roles, List<Row> rows) {

		private static final String HEADING = "### What each role may call";

		record Row(String method, String pattern, Set<Role> allowed) {

			String key() {
				return method + " " + pattern;
			}
		}

		static RoleTable read(Path readme) {
			List<String> lines;
			try {
				lines = Files.readAllLines(readme);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			int at = lines.indexOf(HEADING);
			assertThat(at).as("the README has a section \"%s\"", HEADING).isNotNegative();
			List<String> table = lines.subList(at + 1, lines.size())
				.stream()
				.dropWhile(line -> !line.startsWith("|"))
				.takeWhile(line -> line.startsWith("|"))
				.toList();
			List<String> header = cells(table.get(0));
			List<Role> roles = header.subList(1, header.size())
				.stream()
				.map(name -> Role.valueOf(name.replace("`", "")))
				.toList();
			List<Row> rows = new ArrayList<>();
			for (String line : table.subList(2, table.size())) {
				List<String> cells = cells(line);
				String[] endpoint = cells.get(0).replace("`", "").split(" ", 2);
				Set<Role> allowed = EnumSet.noneOf(Role.class);
				for (int i = 1; i < cells.size(); i++) {
					// "place": only for a user limited to a place, so not for this role's user of a whole district.
					if (!cells.get(i).equals("—") && !cells.get(i).equals("place")) {
						allowed.add(roles.get(i - 1));
					}
				}
				rows.add(new Row(endpoint[0], endpoint[1], allowed));
			}
			return new RoleTable(roles, rows);
		}

		private static List<String> cells(String line) {
			String inner = line.strip().substring(1, line.strip().length() - 1);
			return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
		}

		/** The row that decides for an endpoint: patterns without ** first, then longer ones, a method before *. */
		Row rowFor(String method, String template) {
			AntPathMatcher matcher = new AntPathMatcher();
			return rows.stream()
				.filter(row -> row.method().equals("*") || row.method().equals(method))
				.filter(row -> matcher.match(row.pattern(), template))
				.min(Comparator.comparing((Row row) -> row.pattern().contains("**"))
					.thenComparing(row -> -row.pattern().length())
					.thenComparing(row -> row.method().equals("*")))
				.orElse(null);
		}

		String cells(Set<Role> allowed) {
			return roles.stream().map(role -> allowed.contains(role) ? "✓" : "—").collect(Collectors.joining(" | "));
		}
	}

	private List<Endpoint> endpoints() {
		JsonNode paths = api().as("admin").get("/v3/api-docs").json().get("paths");
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					endpoints.add(new Endpoint(method, path.getKey()));
				}
			}
		}
		endpoints.addAll(FHIR);
		return endpoints;
	}

	private static String fill(String template) {
		return template.replaceAll("\\{[^}]+}", "1");
	}

	private static Response call(Api.As caller, Endpoint endpoint, String path, String body) {
		boolean hasBody = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE");
		return caller.send(endpoint.method(), path, hasBody ? "application/json" : null,
				hasBody ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
	}

	private String deviceToken(String username, boolean revoke, boolean expire) {
		long userId = jdbc.sql("SELECT id FROM security_user WHERE username = :u").param("u", username).query(Long.class).single();
		Response issued = api().as("admin").post("/api/v1/users/" + userId + "/tokens", Map.of("label", "sweep", "days", 1));
		assertThat(issued.status()).isEqualTo(201);
		long id = issued.json().get("id").asLong();
		if (revoke) {
			assertThat(api().as("admin").delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
		}
		if (expire) {
			jdbc.sql("UPDATE security_token SET expires_at = now() - interval '1 minute' WHERE id = :id").param("id", id).update();
		}
		return issued.json().get("token").asString();
	}

	private String tokenOfDisabledUser() {
		String username = "sweep." + System.nanoTime() % 1_000_000;
		Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
				"Sweep-Osprey-73", "roles", List.of("ADMIN"), "scope", "320600"));
		assertThat(created.status()).isEqualTo(201);
		String token = api().as(username, "Sweep-Osprey-73").token();
		assertThat(api().as("admin").post("/api/v1/users/" + created.json().get("id").asLong() + "/disable", Map.of())
			.status()).isEqualTo(200);
		return token;
	}

	private static String changed(Map<String, Long> before, Map<String, Long> after) {
		StringBuilder changed = new StringBuilder();
		after.forEach((table, count) -> {
			if (!count.equals(before.get(table))) {
				changed.append(table).append(' ').append(before.get(table)).append("->").append(count).append(' ');
			}
		});
		return changed.toString();
	}

	private static String shorten(String body) {
		return body.length() > 200 ? body.substring(0, 200) : body;
	}
}
