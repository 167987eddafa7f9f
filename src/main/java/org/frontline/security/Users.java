package org.frontline.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.security.internal.AccountPrincipal;
import org.frontline.security.internal.PageSessions;
import org.frontline.security.internal.TokenRepository;
import org.frontline.security.internal.Tokens;
import org.frontline.security.internal.UserRepository;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.ScopeTarget;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their API tokens. Administrators manage both; anyone can sign in for a session token. */
@Service
public class Users {

	static final Duration SESSION_TOKEN_LIFETIME = Duration.ofHours(12);

	private final UserRepository users;

	private final TokenRepository tokens;

	private final PageSessions sessions;

	private final PasswordEncoder encoder;

	private final AuthenticationManager authentication;

	private final Areas areas;

	private final AuditLog auditLog;

	private final Clock clock;

	private final List<ScopeTarget> scopeTargets;

	Users(UserRepository users, TokenRepository tokens, PageSessions sessions, PasswordEncoder encoder, AuthenticationManager authentication,
			Areas areas, AuditLog auditLog, Clock clock, List<ScopeTarget> scopeTargets) {
		this.scopeTargets = scopeTargets;
		this.users = users;
		this.tokens = tokens;
		this.sessions = sessions;
		this.encoder = encoder;
		this.authentication = authentication;
		this.areas = areas;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Creates a user on an administrator's behalf; the password must meet the policy. */
	@Transactional
	public UserAccount create(NewUser user) {
		Viewers.requireAny(Role.ADMIN);
		List<Problem.FieldError> errors = new ArrayList<>(
				PasswordPolicy.check(user.username(), user.password(), ownData(user.scope())));
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		return insert(user);
	}

	/** Creates a demo user or the first administrator: no caller, and no password policy. */
	@Transactional
	public UserAccount createWithoutPolicy(NewUser user) {
		return insert(user);
	}

	private UserAccount insert(NewUser user) {
		String scope = checkedScope(user);
		if (users.exists(user.username())) {
			throw Problem.conflict("username-taken", "security.user.username-taken", user.username());
		}
		Map<Workplace, Long> places = user.places();
		long id = users.insert(user.username(), encoder.encode(user.password()), user.roles(), scope, places);
		auditLog.record("USER_CREATE", "user", id, user.username() + " " + user.roles() + " " + scope + " " + places);
		return users.find(id).orElseThrow();
	}

	/** The scope a new or changed user gets: the area given, or the area of their one place; inside the caller's. */
	private String checkedScope(NewUser user) {
		if (user.roles() == null || user.roles().isEmpty()) {
			throw Problem.invalid("roles", "security.user.roles.missing");
		}
		String scope = user.scope() == null || user.scope().isBlank() ? null : user.scope().strip();
		Map<Workplace, Long> places = user.places();
		if (places.size() > 1) {
			throw Problem.invalid("places", "security.user.places.one");
		}
		for (Map.Entry<Workplace, Long> place : places.entrySet()) {
			String field = place.getKey().code();
			ScopeTarget target = scopeTargets.stream()
				.filter(t -> t.kind() == place.getKey())
				.findFirst()
				.orElseThrow(() -> Problem.invalid(field, "security.user.place.kind-unknown", field));
			String area = target.areaOf(place.getValue())
				.orElseThrow(() -> Problem.invalid(field, "security.user.place.not-found",
						Message.label(place.getKey()), place.getValue()));
			if (scope == null) {
				scope = area;
			}
			else if (!AreaCodes.contains(scope, area)) {
				throw Problem.invalid(field, "security.user.place.outside-area", Message.label(place.getKey()),
						place.getValue(), scope);
			}
		}
		if (scope == null) {
			throw Problem.invalid("scope", "security.user.scope.missing");
		}
		if (areas.find(scope).isEmpty()) {
			throw Problem.invalid("scope", "security.user.scope.unknown", scope);
		}
		String checkedScope = scope;
		Viewers.current().ifPresent(admin -> {
			if (!admin.covers(checkedScope)) {
				throw Problem.invalid("scope", "security.user.scope.outside-own", checkedScope);
			}
		});
		return scope;
	}

	/**
	 * Replaces a user's roles and scope. Their page sessions end at once, on every instance, so the new roles and
	 * scope apply from their next sign-in; their tokens carry the new ones from the next request.
	 */
	@Transactional
	public UserAccount change(long id, UserChange change) {
		Viewer admin = Viewers.requireAny(Role.ADMIN);
		UserAccount user = managed(admin, id);
		if (user.id() == admin.userId()) {
			throw Problem.conflict("cannot-change-self", "security.user.cannot-change-self");
		}
		NewUser changed = change.asNewUser(user.username());
		String scope = checkedScope(changed);
		users.change(id, changed.roles(), scope, changed.places());
		sessions.endAllOf(user.username());
		tokens.forgetLiveTokens();
		auditLog.record("USER_CHANGE", "user", id, user.username() + " " + changed.roles() + " " + scope + " "
				+ changed.places());
		return users.find(id).orElseThrow();
	}

	/**
	 * Sets a new password for another user (one forgotten or given away). Their page sessions and the tokens they got
	 * by signing in end at once; device tokens an administrator issued keep working.
	 */
	@Transactional
	public void resetPassword(long id, String password) {
		Viewer admin = Viewers.requireAny(Role.ADMIN);
		UserAccount user = managed(admin, id);
		if (user.id() == admin.userId()) {
			throw Problem.conflict("cannot-reset-self", "security.user.cannot-reset-self");
		}
		List<Problem.FieldError> errors = PasswordPolicy.check(user.username(), password, ownData(user.scope()));
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		users.setPassword(id, encoder.encode(password));
		sessions.endAllOf(user.username());
		tokens.revokeSignInTokensOf(id, clock.instant());
		auditLog.record("USER_PASSWORD_RESET", "user", id, user.username());
	}

	/** What a password must not be made of besides the user name: the scope's code and name. */
	private List<String> ownData(String scope) {
		if (scope == null || scope.isBlank()) {
			return List.of();
		}
		return areas.find(scope.strip()).map(area -> List.of(area.code(), area.name())).orElse(List.of(scope.strip()));
	}

	/** A user inside the administrator's scope; others are not found. */
	private UserAccount managed(Viewer admin, long id) {
		return users.find(id).filter(u -> admin.covers(u.scope())).orElseThrow(() -> Problem.notFound("security.user.not-found", id));
	}

	public boolean any() {
		return users.count() > 0;
	}

	public boolean exists(String username) {
		return users.exists(username);
	}

	@Transactional(readOnly = true)
	public List<UserAccount> list() {
		Viewer admin = Viewers.requireAny(Role.ADMIN);
		return users.all().stream().filter(u -> admin.covers(u.scope())).toList();
	}

	/** Disables or enables a user; disabling ends their page sessions and their tokens' use at once. */
	@Transactional
	public UserAccount setEnabled(long id, boolean enabled) {
		Viewer admin = Viewers.requireAny(Role.ADMIN);
		UserAccount user = managed(admin, id);
		if (user.id() == admin.userId() && !enabled) {
			throw Problem.conflict("cannot-disable-self", "security.user.cannot-disable-self");
		}
		users.setEnabled(id, enabled);
		if (!enabled) {
			sessions.endAllOf(user.username());
		}
		tokens.forgetLiveTokens();
		auditLog.record(enabled ? "USER_ENABLE" : "USER_DISABLE", "user", id, user.username());
		return users.find(id).orElseThrow();
	}

	/** Checks a password and hands out a session token; failures count towards the sign-in limit. */
	@Transactional(noRollbackFor = AuthenticationException.class)
	public IssuedToken login(String username, String password) {
		Authentication result = authentication
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
		Viewer viewer = ((AccountPrincipal) result.getPrincipal()).viewer();
		return issue(viewer.userId(), "SESSION", "login", SESSION_TOKEN_LIFETIME);
	}

	/** A long-lived token for a device or a lab system, acting as the given user. */
	@Transactional
	public IssuedToken issueDeviceToken(long userId, String label, int days) {
		Viewer admin = Viewers.requireAny(Role.ADMIN);
		UserAccount user = managed(admin, userId);
		if (days < 1 || days > 730) {
			throw Problem.invalid("days", "security.token.days");
		}
		IssuedToken token = issue(user.id(), "DEVICE", label, Duration.ofDays(days));
		auditLog.record("TOKEN_ISSUE", "token", token.id(), user.username() + " " + label);
		return token;
	}

	/** Revokes a live token of a user inside the administrator's scope; other tokens are not found. */
	@Transactional
	public void revokeToken(long tokenId) {
		Viewer admin = Viewers.requireAny(Role.ADMIN);
		if (!tokens.revoke(tokenId, admin.scopeLow(), admin.scopeHigh(), clock.instant())) {
			throw Problem.notFound("security.token.not-found", tokenId);
		}
		auditLog.record("TOKEN_REVOKE", "token", tokenId, null);
	}

	/** The device tokens of users inside the administrator's scope. */
	@Transactional(readOnly = true)
	public List<TokenInfo> deviceTokens() {
		Viewer admin = Viewers.requireAny(Role.ADMIN);
		return tokens.deviceTokens(admin.scopeLow(), admin.scopeHigh());
	}

	/** The caller's own live tokens: those of their sign-ins and the device tokens issued to them. */
	@Transactional(readOnly = true)
	public List<TokenInfo> ownTokens() {
		return tokens.liveTokensOf(Viewers.require().userId(), clock.instant());
	}

	/** Revokes one of the caller's own tokens (a lost phone); a token of anyone else is not found. */
	@Transactional
	public void revokeOwnToken(long tokenId) {
		Viewer me = Viewers.require();
		if (!tokens.revokeOwn(tokenId, me.userId(), clock.instant())) {
			throw Problem.notFound("security.token.not-found", tokenId);
		}
		auditLog.record("TOKEN_REVOKE", "token", tokenId, "own");
	}

	private IssuedToken issue(long userId, String kind, String label, Duration lifetime) {
		String token = Tokens.generate();
		Instant now = clock.instant();
		Instant expiresAt = now.plus(lifetime);
		long id = tokens.insert(Tokens.hash(token), userId, kind, label, now, expiresAt);
		return new IssuedToken(id, token, expiresAt);
	}
}
