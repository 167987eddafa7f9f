package org.frontline.people.web;

import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.frontline.people.SamplingCode;
import org.frontline.people.SamplingCodes;
import org.frontline.people.internal.QrCodes;
import org.frontline.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public page where residents get their own sampling code by name, ID number and phone. */
@Controller
class ResidentCodeController {

	private final SamplingCodes codes;

	ResidentCodeController(SamplingCodes codes) {
		this.codes = codes;
	}

	@GetMapping("/public/code")
	String form() {
		return "people/public-code";
	}

	@PostMapping("/public/code")
	String code(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String phone, HttpServletRequest request, Model model) {
		try {
			Optional<SamplingCode> code = codes.forResident(request.getRemoteAddr(), name, idNumber, phone);
			if (code.isPresent()) {
				model.addAttribute("qr",
						"data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(code.get().payload(), 8)));
				model.addAttribute("payload", code.get().payload());
			}
			else {
				model.addAttribute("mismatch", true);
				model.addAttribute("form", new PublicForm(name, idNumber, phone));
			}
		}
		catch (Problem problem) {
			model.addAttribute("limited", true);
		}
		return "people/public-code";
	}

	/** What the resident typed, shown again when it did not match. */
	record PublicForm(String name, String idNumber, String phone) {
	}
}
