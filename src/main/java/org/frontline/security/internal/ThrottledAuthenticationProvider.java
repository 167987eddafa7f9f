package org.frontline.security.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.frontline.audit.AuditLog;
import org.frontline.security.AttemptLimit;
import org.frontline.security.Attempts;
import org.frontline.security.CredentialsTooLongException;
import org.frontline.security.LoginThrottledException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password sign-in for pages and the API alike. Each attempt is counted under the sign-in limits
 * ({@link SignInLimits}) before the password is checked, and refused without a check while a limit makes it wait;
 * a user name or password too long for any account is refused before anything else. Every checked attempt is audited.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private static final Pattern USERNAME = Pattern.compile(UserRepository.USERNAME_PATTERN);

	private final DaoAuthenticationProvider passwords;

	private final Attempts attempts;

	private final SignInLimits limits;

	private final AuditLog auditLog;

	private final UserRepository users;

	private final Clock clock;

	ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, Attempts attempts, SignInLimits limits,
			AuditLog auditLog, UserRepository users, Clock clock) {
		this.passwords = passwords;
		this.attempts = attempts;
		this.limits = limits;
		this.auditLog = auditLog;
		this.users = users;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = String.valueOf(authentication.getPrincipal());
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		String address = clientAddress();
		Instant now = clock.instant();
		if (username.length() > CredentialsTooLongException.MAX_USERNAME
				|| password.getBytes(StandardCharsets.UTF_8).length > CredentialsTooLongException.MAX_PASSWORD_BYTES) {
			reserve(limits.ofMalformed(address), now);
			throw new CredentialsTooLongException(
					username.length() > CredentialsTooLongException.MAX_USERNAME ? "username" : "password");
		}
		if (!USERNAME.matcher(username).matches()) {
			// No account has such a name: the attempt counts for its address only, and there is nothing to check.
			reserve(limits.ofMalformed(address), now);
			throw new BadCredentialsException("No such user");
		}
		List<AttemptLimit> counted = limits.of(username, address, now);
		reserve(counted, now);
		Authentication result;
		try {
			result = passwords.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			auditLog.recordAs(username, scopeOf(username), "LOGIN_FAILED", "user", username,
					ex.getClass().getSimpleName());
			throw ex;
		}
		attempts.succeeded(counted);
		limits.succeeded(username, address, now);
		auditLog.recordAs(username, ((AccountPrincipal) result.getPrincipal()).viewer().scopeArea(), "LOGIN", "user",
				username, null);
		return result;
	}

	private void reserve(List<AttemptLimit> counted, Instant now) {
		Optional<Duration> wait = attempts.reserve(now, counted);
		if (wait.isPresent()) {
			throw new LoginThrottledException(now.plus(wait.get()), wait.get());
		}
	}

	/** The scope of the user of that name, if there is one: their administrators read the attempt. */
	private String scopeOf(String username) {
		return users.findByUsername(username).map(user -> user.account().scope()).orElse(null);
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "local";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
