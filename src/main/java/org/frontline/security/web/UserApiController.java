package org.frontline.security.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.frontline.security.IssuedToken;
import org.frontline.security.NewUser;
import org.frontline.security.TokenInfo;
import org.frontline.security.UserAccount;
import org.frontline.security.UserChange;
import org.frontline.security.Users;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserApiController {

	private final Users users;

	UserApiController(Users users) {
		this.users = users;
	}

	@PostMapping("/api/v1/users")
	@ResponseStatus(HttpStatus.CREATED)
	UserAccount create(@Valid @RequestBody NewUser user) {
		return users.create(user);
	}

	@GetMapping("/api/v1/users")
	List<UserAccount> list() {
		return users.list();
	}

	@PutMapping("/api/v1/users/{id}")
	UserAccount change(@PathVariable long id, @Valid @RequestBody UserChange change) {
		return users.change(id, change);
	}

	record PasswordReset(@NotBlank @Size(max = 128) String password) {
	}

	@PostMapping("/api/v1/users/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset reset) {
		users.resetPassword(id, reset.password());
	}

	@PostMapping("/api/v1/users/{id}/disable")
	UserAccount disable(@PathVariable long id) {
		return users.setEnabled(id, false);
	}

	@PostMapping("/api/v1/users/{id}/enable")
	UserAccount enable(@PathVariable long id) {
		return users.setEnabled(id, true);
	}

	record TokenRequest(@Size(max = 100) String label, Integer days) {
	}

	record TokenResponse(long id, String token, Instant expiresAt) {
	}

	@PostMapping("/api/v1/users/{id}/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	TokenResponse issue(@PathVariable long id, @Valid @RequestBody TokenRequest request) {
		IssuedToken token = users.issueDeviceToken(id, request.label(), request.days() == null ? 365 : request.days());
		return new TokenResponse(token.id(), token.token(), token.expiresAt());
	}

	@GetMapping("/api/v1/tokens")
	List<TokenInfo> tokens() {
		return users.deviceTokens();
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id) {
		users.revokeToken(id);
	}
}
