package org.frontline.security.internal;

import org.frontline.audit.AuditLog;
import org.frontline.security.LoginThrottledException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in for pages and the API alike: refuses a username with too many recent failures before it checks
 * the password, and records every failure and success.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final AuditLog auditLog;

	private final UserRepository users;

	ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle, AuditLog auditLog,
			UserRepository users) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.auditLog = auditLog;
		this.users = users;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = String.valueOf(authentication.getPrincipal());
		var lockedUntil = throttle.lockedUntil(username);
		if (lockedUntil.isPresent()) {
			auditLog.recordAs(username, scopeOf(username), "LOGIN_THROTTLED", "user", username, null);
			throw new LoginThrottledException(lockedUntil.get());
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			throttle.succeeded(username);
			auditLog.recordAs(username, ((AccountPrincipal) result.getPrincipal()).viewer().scopeArea(), "LOGIN", "user",
					username, null);
			return result;
		}
		catch (AuthenticationException ex) {
			throttle.failed(username);
			auditLog.recordAs(username, scopeOf(username), "LOGIN_FAILED", "user", username,
					ex.getClass().getSimpleName());
			throw ex;
		}
	}

	/** The scope of the user of that name, if there is one: their administrators read the attempt. */
	private String scopeOf(String username) {
		return users.findByUsername(username).map(user -> user.account().scope()).orElse(null);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
