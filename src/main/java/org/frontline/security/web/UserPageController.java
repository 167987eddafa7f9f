package org.frontline.security.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.security.IssuedToken;
import org.frontline.security.NewUser;
import org.frontline.security.Users;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewers;
import org.frontline.shared.web.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class UserPageController {

	private final Users users;

	private final Areas areas;

	private final Texts texts;

	UserPageController(Users users, Areas areas, Texts texts) {
		this.users = users;
		this.areas = areas;
		this.texts = texts;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("users", users.list());
		model.addAttribute("tokens", users.deviceTokens());
		model.addAttribute("roles", Role.values());
		List<Area> inScope = areas.inside(Viewers.require().scopeArea());
		Map<String, String> names = new HashMap<>();
		inScope.forEach(a -> names.put(a.code(), a.name()));
		model.addAttribute("areaChoices", inScope);
		model.addAttribute("areaNames", names);
		return "security/users";
	}

	@PostMapping("/admin/users")
	String create(@RequestParam String username, @RequestParam String password,
			@RequestParam(required = false) Set<Role> roles, @RequestParam String scope,
			RedirectAttributes redirect) {
		try {
			users.create(new NewUser(username, password, roles == null ? EnumSet.noneOf(Role.class) : roles, scope));
			redirect.addFlashAttribute("message", "user.created");
		}
		catch (Problem problem) {
			redirect.addFlashAttribute("error", texts.text(problem));
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled) {
		users.setEnabled(id, enabled);
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/tokens")
	String issueToken(@PathVariable long id, @RequestParam(required = false) String label,
			@RequestParam(defaultValue = "365") int days, RedirectAttributes redirect) {
		IssuedToken token = users.issueDeviceToken(id, label, days);
		redirect.addFlashAttribute("newToken", token.token());
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	String revoke(@PathVariable long id) {
		users.revokeToken(id);
		return "redirect:/admin/users";
	}
}
