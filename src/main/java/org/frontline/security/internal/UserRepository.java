package org.frontline.security.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.frontline.security.UserAccount;
import org.frontline.shared.Role;
import org.frontline.shared.Workplace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

@Repository
public class UserRepository {

	/** What a user name is made of (the table checks the same). */
	public static final String USERNAME_PATTERN = "[A-Za-z0-9._-]{2,64}";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	UserRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A user with the password hash, for sign-in only. */
	public record StoredUser(UserAccount account, String passwordHash) {
	}

	public Optional<StoredUser> findByUsername(String username) {
		return jdbc.sql("SELECT * FROM security_user WHERE username = :username")
			.param("username", username)
			.query((rs, n) -> new StoredUser(account(rs), rs.getString("password_hash")))
			.optional();
	}

	public Optional<UserAccount> find(long id) {
		return jdbc.sql("SELECT * FROM security_user WHERE id = :id").param("id", id).query((rs, n) -> account(rs)).optional();
	}

	public List<UserAccount> all() {
		return jdbc.sql("SELECT * FROM security_user ORDER BY username").query((rs, n) -> account(rs)).list();
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM security_user").query(Long.class).single();
	}

	public boolean exists(String username) {
		return jdbc.sql("SELECT count(*) FROM security_user WHERE username = :u").param("u", username).query(Long.class).single() > 0;
	}

	public long insert(String username, String passwordHash, Set<Role> roles, String scope, Map<Workplace, Long> places) {
		return jdbc.sql("""
				INSERT INTO security_user (username, password_hash, roles, scope_area, places)
				VALUES (:username, :hash, :roles::text[], :scope, :places::jsonb)
				RETURNING id
				""")
			.param("places", placesJson(places))
			.param("username", username)
			.param("hash", passwordHash)
			.param("roles", rolesLiteral(roles))
			.param("scope", scope)
			.query(Long.class)
			.single();
	}

	public boolean setEnabled(long id, boolean enabled) {
		return jdbc.sql("UPDATE security_user SET enabled = :enabled WHERE id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update() == 1;
	}

	public void change(long id, Set<Role> roles, String scope, Map<Workplace, Long> places) {
		jdbc.sql("""
				UPDATE security_user SET roles = :roles::text[], scope_area = :scope, places = :places::jsonb
				WHERE id = :id
				""")
			.param("roles", rolesLiteral(roles))
			.param("scope", scope)
			.param("places", placesJson(places))
			.param("id", id)
			.update();
	}

	public void setPassword(long id, String hash) {
		jdbc.sql("UPDATE security_user SET password_hash = :hash WHERE id = :id").param("hash", hash).param("id", id).update();
	}

	static String rolesLiteral(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
	}

	UserAccount account(ResultSet rs) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), roles(rs.getArray("roles")),
				rs.getString("scope_area"), places(rs.getString("places")), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant());
	}

	String placesJson(Map<Workplace, Long> places) {
		Map<String, Long> byCode = new TreeMap<>();
		places.forEach((kind, id) -> byCode.put(kind.code(), id));
		return json.writeValueAsString(byCode);
	}

	Map<Workplace, Long> places(String value) {
		Map<Workplace, Long> places = new EnumMap<>(Workplace.class);
		if (value != null && !value.isBlank()) {
			json.readValue(value, PLACES).forEach((code, id) -> places.put(Workplace.ofCode(code)
				.orElseThrow(() -> new IllegalStateException("unknown place kind " + code)), id));
		}
		return places;
	}

	private static final TypeReference<Map<String, Long>> PLACES = new TypeReference<>() {
	};

	static Set<Role> roles(Array array) throws SQLException {
		String[] names = (String[]) array.getArray();
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(names).map(Role::valueOf).forEach(roles::add);
		return roles;
	}
}
