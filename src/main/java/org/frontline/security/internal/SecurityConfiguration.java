package org.frontline.security.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.security.LoginThrottledException;
import org.frontline.shared.ApiAccess;
import org.frontline.shared.Role;
import org.frontline.shared.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
			+ "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder,
			LoginThrottle throttle, AuditLog auditLog) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(encoder);
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, auditLog));
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, TokenRepository tokens, ProblemWriter problems, Clock clock,
			AuthenticationManager manager, List<ApiAccess> rules) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(manager)
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/api/v1/auth/login").permitAll();
				// The most specific pattern decides: exact ones first, then the longer wildcards.
				List<ApiAccess> ordered = rules.stream()
					.sorted(Comparator.comparing((ApiAccess r) -> r.pattern().contains("**"))
						.thenComparing(r -> -r.pattern().length())
						.thenComparing(r -> r.method() == null))
					.toList();
				for (ApiAccess rule : ordered) {
					String[] roles = rule.roles().stream().map(Role::name).toArray(String[]::new);
					if (rule.method() == null) {
						requests.requestMatchers(rule.pattern()).hasAnyRole(roles);
					}
					else {
						requests.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(roles);
					}
				}
				requests.anyRequest().authenticated();
			})
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			// A page calling the API with its session cookie must send the CSRF token; a request without a session
			// (a bearer token, or nothing, which is then refused with 401) cannot be forged from another site.
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null,
					request -> request.getSession(false) == null,
					request -> "/api/v1/auth/login".equals(request.getRequestURI())))
			.addFilterBefore(new BearerTokenFilter(tokens, problems, clock), AnonymousAuthenticationFilter.class)
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint((request, response, e) -> problems.write(response, 401, "unauthorized",
						"Unauthorized", "A bearer token or a signed-in session is required."))
				.accessDeniedHandler((request, response, e) -> problems.write(response, 403, "forbidden", "Forbidden",
						e.getMessage() != null && e.getMessage().contains("CSRF") ? "Missing or invalid CSRF token."
								: "Your role does not allow this.")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager) throws Exception {
		http.authenticationManager(manager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/public/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, ex) -> response.sendRedirect(request.getContextPath()
						+ (ex instanceof LoginThrottledException ? "/login?locked" : "/login?error"))))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}
}
