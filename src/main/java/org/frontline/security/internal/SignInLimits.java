package org.frontline.security.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.frontline.security.AttemptLimit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The limits on password sign-ins. Per source address: 20 failures free, then delays doubling from one second up to
 * 15 minutes (one address spraying many user names). Per account: 5 failures free, then delays doubling from one
 * second up to one minute, never longer (a slow-down of guessing from many addresses, not a lockout of the owner).
 * Everyone together: 300 failures a minute (the password hashing must leave the cores to the real work). An account's
 * own limit and the global one do not apply where the account signed in successfully from the same address in the
 * last 90 days, so that guessing elsewhere does not slow its owner down at their usual place.
 */
@Component
public class SignInLimits {

	static final Duration KNOWN_FOR = Duration.ofDays(90);

	private final JdbcClient jdbc;

	SignInLimits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static AttemptLimit address(String address) {
		return new AttemptLimit("signin:address:" + address, 20, Duration.ofSeconds(1), Duration.ofMinutes(15),
				Duration.ofHours(1), false);
	}

	static AttemptLimit account(String username) {
		return new AttemptLimit("signin:account:" + username, 5, Duration.ofSeconds(1), Duration.ofMinutes(1),
				Duration.ofMinutes(15), true);
	}

	static AttemptLimit everyone(Instant now) {
		return new AttemptLimit("signin:minute:" + now.getEpochSecond() / 60, 300, Duration.ofMinutes(1),
				Duration.ofMinutes(1), Duration.ofMinutes(1), false);
	}

	/** The limits an attempt to sign in as {@code username} from {@code address} counts under. */
	List<AttemptLimit> of(String username, String address, Instant now) {
		if (known(username, address, now)) {
			return List.of(address(address));
		}
		return List.of(address(address), account(username), everyone(now));
	}

	/** The limit of an attempt whose user name or password is too long to be anyone's. */
	List<AttemptLimit> ofMalformed(String address) {
		return List.of(address(address));
	}

	boolean known(String username, String address, Instant now) {
		return jdbc.sql("""
				SELECT count(*) FROM security_known_signin
				WHERE username = :username AND address = :address AND last_success > :since
				""")
			.param("username", username)
			.param("address", address)
			.param("since", Timestamp.from(now.minus(KNOWN_FOR)))
			.query(Long.class)
			.single() > 0;
	}

	void succeeded(String username, String address, Instant now) {
		jdbc.sql("""
				INSERT INTO security_known_signin (username, address, last_success) VALUES (:username, :address, :now)
				ON CONFLICT (username, address) DO UPDATE SET last_success = excluded.last_success
				""")
			.param("username", username)
			.param("address", address)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Forgets the addresses not used for a successful sign-in in 90 days. */
	public int forgetOld(Instant now) {
		return jdbc.sql("DELETE FROM security_known_signin WHERE last_success < :before")
			.param("before", Timestamp.from(now.minus(KNOWN_FOR)))
			.update();
	}
}
