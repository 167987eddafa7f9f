package org.frontline.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.frontline.security.UserAccount;
import org.frontline.shared.Problem;
import org.frontline.shared.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request by its {@code Authorization: Bearer} token. A request with a token that is unknown,
 * expired or revoked is answered 401 at once, whatever else it carries.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final TokenRepository tokens;

	private final ProblemWriter problems;

	private final Clock clock;

	BearerTokenFilter(TokenRepository tokens, ProblemWriter problems, Clock clock) {
		this.tokens = tokens;
		this.problems = problems;
		this.clock = clock;
	}

	/** Whether the request has an {@code Authorization: Bearer} header (a token, valid or not). */
	static boolean carriesToken(HttpServletRequest request) {
		return token(request) != null;
	}

	/** The token of the request's {@code Authorization: Bearer} header, or null when it has none. */
	private static String token(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = token(request);
		if (token == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<UserAccount> user = token.isEmpty() || token.length() > 200 ? Optional.empty()
				: tokens.userOfLiveToken(Tokens.hash(token), clock.instant());
		if (user.isEmpty()) {
			problems.write(request, response, new Problem(HttpStatus.UNAUTHORIZED, "invalid-token", "security.token.invalid"));
			return;
		}
		AccountPrincipal principal = new AccountPrincipal(user.get(), null);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
