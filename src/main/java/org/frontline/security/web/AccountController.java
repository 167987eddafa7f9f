package org.frontline.security.web;

import java.util.List;

import org.frontline.security.TokenInfo;
import org.frontline.security.Users;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Every signed-in user's own account: their live tokens, each of which they can revoke. */
@Controller
class AccountController {

	private final Users users;

	AccountController(Users users) {
		this.users = users;
	}

	@GetMapping("/api/v1/me/tokens")
	@ResponseBody
	List<TokenInfo> tokens() {
		return users.ownTokens();
	}

	@DeleteMapping("/api/v1/me/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id) {
		users.revokeOwnToken(id);
	}

	@GetMapping("/account")
	String page(Model model) {
		model.addAttribute("tokens", users.ownTokens());
		return "security/account";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeFromPage(@PathVariable long id) {
		users.revokeOwnToken(id);
		return "redirect:/account";
	}
}
