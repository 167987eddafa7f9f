package org.frontline.security.internal;

import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.security.Attempts;
import org.frontline.security.CredentialsTooLongException;
import org.frontline.security.LoginThrottledException;
import org.frontline.shared.ApiAccess;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.Customizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// 'wasm-unsafe-eval' lets the scanning page compile its barcode decoder (WebAssembly served from 'self'); it does
	// not allow eval() or inline script.
	static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
			+ "script-src 'self' 'wasm-unsafe-eval'; "
			+ "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder,
			Attempts attempts, SignInLimits limits, AuditLog auditLog, UserRepository users, Clock clock) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(encoder);
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, attempts, limits, auditLog, users,
				clock));
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	/** No security observations: no metrics are exported, and wrapping every filter costs CPU on every request. */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The device protocol endpoints ({@link ApiAccess#device}) called with a bearer token, as phones and scanners call
	 * them many times a second: the API's rules minus what such a request does not need. No CSRF check (a page on
	 * another site cannot send an Authorization header, and the session is not consulted here: the security context
	 * lives only as long as the request).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain deviceTokens(HttpSecurity http, TokenRepository tokens, ProblemWriter problems, Clock clock,
			AuthenticationManager manager, List<ApiAccess> rules) throws Exception {
		http.securityMatcher(new AndRequestMatcher(devicePaths(rules), BearerTokenFilter::carriesToken))
			.csrf(csrf -> csrf.disable())
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
		return device(http, manager, rules).addFilterBefore(new BearerTokenFilter(tokens, problems, clock),
				AnonymousAuthenticationFilter.class)
			.exceptionHandling(ex -> failures(ex, problems))
			.build();
	}

	/**
	 * The device protocol endpoints called otherwise: the scanning page, signed in, sends its session and the CSRF
	 * token, as for the rest of the API.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain deviceSessions(HttpSecurity http, TokenRepository tokens, ProblemWriter problems, Clock clock,
			AuthenticationManager manager, List<ApiAccess> rules) throws Exception {
		http.securityMatcher(devicePaths(rules));
		return apiAuthentication(device(http, manager, rules), tokens, problems, clock).build();
	}

	private static RequestMatcher devicePaths(List<ApiAccess> rules) {
		return new OrRequestMatcher(rules.stream()
			.filter(ApiAccess::device)
			.map(rule -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(rule.pattern()))
			.toList());
	}

	/** What both device chains share: the roles of the device rules, and nothing a JSON answer to a device does not need. */
	private static HttpSecurity device(HttpSecurity http, AuthenticationManager manager, List<ApiAccess> rules)
			throws Exception {
		return http.authenticationManager(manager)
			.authorizeHttpRequests(requests -> {
				for (ApiAccess rule : rules.stream().filter(ApiAccess::device).toList()) {
					requests.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(roles(rule));
				}
				requests.anyRequest().authenticated();
			})
			// A JSON answer to a device: no page headers (framing, CSP, referrer), only nosniff and no caching,
			// written before the request is served instead of by a wrapper watching every write for the commit.
			.headers(headers -> headers.defaultsDisabled()
				.contentTypeOptions(Customizer.withDefaults())
				.cacheControl(Customizer.withDefaults())
				.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
					@Override
					public <O extends HeaderWriterFilter> O postProcess(O filter) {
						filter.setShouldWriteHeadersEagerly(true);
						return filter;
					}
				}))
			.requestCache(cache -> cache.disable())
			.logout(logout -> logout.disable())
			.anonymous(anonymous -> anonymous.disable())
			.sessionManagement(session -> session.disable())
			.servletApi(api -> api.disable());
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, TokenRepository tokens, ProblemWriter problems, Clock clock,
			AuthenticationManager manager, List<ApiAccess> rules) throws Exception {
		// The API description is the API's too: for signed-in users only, like the endpoints it lists.
		http.securityMatcher("/api/**", "/fhir/**", "/v3/api-docs", "/v3/api-docs/**")
			.authenticationManager(manager)
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/api/v1/auth/login").permitAll();
				// The most specific pattern decides: exact ones first, then the longer wildcards.
				List<ApiAccess> ordered = rules.stream()
					.filter(rule -> !rule.device())
					.sorted(Comparator.comparing((ApiAccess r) -> r.pattern().contains("**"))
						.thenComparing(r -> -r.pattern().length())
						.thenComparing(r -> r.method() == null))
					.toList();
				for (ApiAccess rule : ordered) {
					if (rule.roles().isEmpty()) {
						requests.requestMatchers(rule.method(), rule.pattern()).permitAll();
					}
					else if (rule.method() == null) {
						requests.requestMatchers(rule.pattern()).hasAnyRole(roles(rule));
					}
					else {
						requests.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(roles(rule));
					}
				}
				requests.anyRequest().authenticated();
			})
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
		return apiAuthentication(http, tokens, problems, clock).build();
	}

	/**
	 * CSRF tokens in an HttpOnly cookie (pages and their scripts read the token from the page), the same for the page
	 * and API chains, so that a page's script calls the API with the token of its page.
	 */
	private static CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName("FRONTLINE_CSRF");
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return tokens;
	}

	private static String[] roles(ApiAccess rule) {
		return rule.roles().stream().map(Role::name).toArray(String[]::new);
	}

	/**
	 * How every API request is authenticated: a bearer token, or the signed-in session of a page calling the API
	 * (which then must send the CSRF token); failures are problems (401, 403).
	 */
	private static HttpSecurity apiAuthentication(HttpSecurity http, TokenRepository tokens, ProblemWriter problems,
			Clock clock) throws Exception {
		// A request with a bearer token, or without a session (then refused with 401), cannot be forged from another
		// site.
		return http
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
				.ignoringRequestMatchers(BearerTokenFilter::carriesToken,
					request -> request.getSession(false) == null,
					request -> "/api/v1/auth/login".equals(request.getRequestURI())))
			.addFilterBefore(new BearerTokenFilter(tokens, problems, clock), AnonymousAuthenticationFilter.class)
			.exceptionHandling(ex -> failures(ex, problems));
	}

	/** Authentication and authorization failures as problems: 401 without a valid token or session, 403 otherwise. */
	private static void failures(ExceptionHandlingConfigurer<HttpSecurity> ex, ProblemWriter problems) {
		ex.authenticationEntryPoint((request, response, e) -> problems.write(request, response,
				new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "security.api.unauthorized")))
			.accessDeniedHandler((request, response, e) -> problems.write(request, response,
					Problem.forbidden(e instanceof CsrfException ? "security.csrf.invalid" : "problem.forbidden.role")));
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager) throws Exception {
		// Nothing an anonymous visitor does creates a session: the CSRF token and the page to return to after signing
		// in are kept in cookies, so a session (a database row) begins with a sign-in.
		CookieRequestCache requestCache = new CookieRequestCache();
		// The page asked for is named by its path: the saved request's full address would carry the Host header of
		// the sign-in request.
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setRequestCache(requestCache);
		success.setDefaultTargetUrl("/");
		success.setRedirectStrategy((request, response, url) -> {
			URI target = URI.create(url);
			response.sendRedirect(target.isAbsolute()
					? target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) : url);
		});
		http.authenticationManager(manager)
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
			.requestCache(cache -> cache.requestCache(requestCache))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**", "/public/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(success)
				.failureHandler((request, response, ex) -> response.sendRedirect(request.getContextPath()
						+ (ex instanceof LoginThrottledException throttled ? "/login?locked=" + throttled.waitSeconds()
								: ex instanceof CredentialsTooLongException ? "/login?toolong" : "/login?error"))))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}
}
