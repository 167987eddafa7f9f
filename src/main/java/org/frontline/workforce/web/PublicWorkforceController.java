package org.frontline.workforce.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.shared.Problem;
import org.frontline.shared.web.Texts;
import org.frontline.workforce.Certificate;
import org.frontline.workforce.Hours;
import org.frontline.workforce.Skill;
import org.frontline.workforce.VolunteerSignUp;
import org.frontline.workforce.Workers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of the workforce: volunteers sign themselves up (the answer is the same whoever they are), and
 * anybody checks a volunteer-hours certificate by its code.
 */
@Controller
class PublicWorkforceController {

	private final Workers workers;

	private final Hours hours;

	private final Areas areas;

	private final Texts texts;

	private final String installationArea;

	PublicWorkforceController(Workers workers, Hours hours, Areas areas, Texts texts,
			@Value("${frontline.admin.scope:320600}") String installationArea) {
		this.workers = workers;
		this.hours = hours;
		this.areas = areas;
		this.texts = texts;
		this.installationArea = installationArea;
	}

	@GetMapping("/public/volunteer")
	String signUpForm(Model model) {
		return form(model, null);
	}

	@PostMapping("/public/volunteer")
	String signUp(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String community,
			@RequestParam(required = false) List<Skill> skills, @RequestParam(defaultValue = "") String availability,
			HttpServletRequest request, Model model) {
		VolunteerSignUp form = new VolunteerSignUp(name, idNumber, phone, community, skills == null ? List.of() : skills,
				availability.isBlank() ? null : availability);
		try {
			workers.signUp(request.getRemoteAddr(), form);
			model.addAttribute("signedUp", true);
			return "workforce/public-volunteer";
		}
		catch (Problem problem) {
			model.addAttribute("error", texts.text(problem));
			model.addAttribute("fieldErrors", problem.errors().stream().map(e -> texts.text(e.message())).distinct().toList());
			return form(model, form);
		}
	}

	/** Checks a certificate's code: the volunteer (masked), the period and the hours, or that no such code exists. */
	@GetMapping("/public/certificate")
	String certificate(@RequestParam(required = false) String code, HttpServletRequest request, Model model) {
		model.addAttribute("code", code);
		if (code != null && !code.isBlank()) {
			try {
				Optional<Certificate> found = hours.verify(request.getRemoteAddr(), code);
				model.addAttribute("certificate", found.orElse(null));
				model.addAttribute("unknown", found.isEmpty());
			}
			catch (Problem problem) {
				if (problem.status() != HttpStatus.TOO_MANY_REQUESTS) {
					throw problem;
				}
				model.addAttribute("error", texts.text(problem));
			}
		}
		return "workforce/public-certificate";
	}

	private String form(Model model, VolunteerSignUp form) {
		model.addAttribute("form", form);
		model.addAttribute("skills", Skill.values());
		model.addAttribute("communities", communities());
		return "workforce/public-volunteer";
	}

	private List<Area> communities() {
		return areas.inside(installationArea).stream().filter(a -> a.level() == AreaLevel.COMMUNITY).toList();
	}
}
