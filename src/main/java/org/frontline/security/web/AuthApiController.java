package org.frontline.security.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.frontline.security.CredentialsTooLongException;
import org.frontline.security.IssuedToken;
import org.frontline.security.LoginThrottledException;
import org.frontline.security.Users;
import org.frontline.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthApiController {

	private final Users users;

	AuthApiController(Users users) {
		this.users = users;
	}

	record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	@PostMapping("/api/v1/auth/login")
	TokenResponse login(@Valid @RequestBody Credentials credentials) {
		try {
			IssuedToken token = users.login(credentials.username(), credentials.password());
			return new TokenResponse(token.token(), token.expiresAt());
		}
		catch (LoginThrottledException ex) {
			throw Problem.tooManyRequests("login-throttled", "security.signin.throttled", ex.waitSeconds(),
					ex.waitSeconds());
		}
		catch (CredentialsTooLongException ex) {
			throw Problem.invalid(ex.field(), "security.signin." + ex.field() + "-too-long",
					ex.field().equals("username") ? CredentialsTooLongException.MAX_USERNAME
							: CredentialsTooLongException.MAX_PASSWORD_BYTES);
		}
		catch (AuthenticationException ex) {
			throw new Problem(HttpStatus.UNAUTHORIZED, "bad-credentials", "security.signin.failed");
		}
	}
}
