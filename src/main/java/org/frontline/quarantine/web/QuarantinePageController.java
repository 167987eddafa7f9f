package org.frontline.quarantine.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.frontline.area.Areas;
import org.frontline.quarantine.Anomalies;
import org.frontline.quarantine.Anomaly;
import org.frontline.quarantine.Arrivals;
import org.frontline.quarantine.Categories;
import org.frontline.quarantine.Category;
import org.frontline.quarantine.DayRow;
import org.frontline.quarantine.Destination;
import org.frontline.quarantine.Facilities;
import org.frontline.quarantine.Facility;
import org.frontline.quarantine.HomeCheck;
import org.frontline.quarantine.Intake;
import org.frontline.quarantine.Intakes;
import org.frontline.quarantine.KeyPopulation;
import org.frontline.quarantine.ObservationForm;
import org.frontline.quarantine.Observations;
import org.frontline.quarantine.Registration;
import org.frontline.quarantine.Registrations;
import org.frontline.quarantine.ReleaseForm;
import org.frontline.quarantine.Releases;
import org.frontline.quarantine.RoomStatus;
import org.frontline.quarantine.Stays;
import org.frontline.quarantine.Symptom;
import org.frontline.quarantine.TeamRole;
import org.frontline.quarantine.TestResult;
import org.frontline.shared.Problem;
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
class QuarantinePageController {

	private final Facilities facilities;

	private final Categories categories;

	private final Stays stays;

	private final Intakes intakes;

	private final Registrations registrations;

	private final Releases releases;

	private final Arrivals arrivals;

	private final KeyPopulation keyPopulation;

	private final Observations observations;

	private final Anomalies anomalies;

	private final Areas areas;

	private final Texts texts;

	QuarantinePageController(Facilities facilities, Categories categories, Stays stays, Intakes intakes,
			Registrations registrations, Releases releases, Arrivals arrivals, KeyPopulation keyPopulation,
			Observations observations, Anomalies anomalies, Areas areas, Texts texts) {
		this.areas = areas;
		this.texts = texts;
		this.facilities = facilities;
		this.categories = categories;
		this.stays = stays;
		this.intakes = intakes;
		this.registrations = registrations;
		this.releases = releases;
		this.arrivals = arrivals;
		this.keyPopulation = keyPopulation;
		this.observations = observations;
		this.anomalies = anomalies;
	}

	/** The command centre's capacity page: every facility in scope, updating itself. */
	@GetMapping("/quarantine")
	String capacity(@RequestParam(required = false) String area, Model model) {
		model.addAttribute("capacity", facilities.capacity(area));
		model.addAttribute("area", area == null || area.isBlank() ? null : area.strip());
		return "quarantine/capacity";
	}

	/** A facility's day page: rooms in order, today's observations, what is still missing, and the entry form. */
	@GetMapping("/quarantine/facilities/{id}")
	String day(@PathVariable long id, Model model) {
		Facility facility = facilities.get(id);
		List<DayRow> rows = observations.daySheet(id, null);
		model.addAttribute("facility", facility);
		model.addAttribute("rows", rows);
		model.addAttribute("missingCount", rows.stream().filter(r -> !r.missing().isEmpty()).count());
		model.addAttribute("available", facility.rooms().stream().filter(r -> r.status() == RoomStatus.AVAILABLE).toList());
		model.addAttribute("disinfectors", facility.team().stream().filter(s -> s.role() == TeamRole.DISINFECTION).toList());
		List<Category> all = categories.list();
		model.addAttribute("categories", all);
		model.addAttribute("categoryNames", all.stream().collect(Collectors.toMap(Category::code, Category::name, (a, b) -> a)));
		model.addAttribute("testResults", TestResult.values());
		model.addAttribute("areaChoices", areas.inside(Viewers.require().scopeArea()));
		model.addAttribute("arrivals", arrivals.expected(id));
		model.addAttribute("keyPopulation", keyPopulation.list(id));
		model.addAttribute("symptoms", Symptom.values());
		model.addAttribute("incomplete", stays.list(id, "ACTIVE").stream().filter(s -> !s.registrationComplete()).count());
		return "quarantine/day";
	}

	@GetMapping("/quarantine/facilities/{id}/due")
	String due(@PathVariable long id, @RequestParam(defaultValue = "2") int days, Model model) {
		model.addAttribute("facility", facilities.get(id));
		model.addAttribute("checks", releases.dueForRelease(id, days));
		model.addAttribute("days", days);
		model.addAttribute("destinations", Destination.values());
		return "quarantine/due";
	}

	@GetMapping("/quarantine/anomalies")
	String anomalies(@RequestParam(required = false) String status, Model model) {
		List<Anomaly> list = anomalies.list(status);
		Map<Long, List<ShownReason>> reasons = new HashMap<>();
		list.forEach(a -> reasons.put(a.id(), a.reasons().stream().map(ShownReason::of).toList()));
		model.addAttribute("anomalies", list);
		model.addAttribute("reasons", reasons);
		model.addAttribute("status", status);
		return "quarantine/anomalies";
	}

	@PostMapping("/quarantine/stays/{stayId}/observations")
	String observe(@PathVariable long stayId, @RequestParam long facility,
			@RequestParam(required = false) BigDecimal temperature, @RequestParam(required = false) List<Symptom> symptoms,
			@RequestParam(required = false) TestResult antigen, @RequestParam(defaultValue = "false") boolean natSampled,
			@RequestParam(required = false) TestResult natResult, @RequestParam(required = false) String requestId,
			RedirectAttributes redirect) {
		attempt(redirect, "quarantine.saved", () -> observations.record(stayId,
				new ObservationForm(null, temperature, symptoms, antigen, natSampled, natResult, null, requestId)));
		return "redirect:/quarantine/facilities/" + facility + "#stay-" + stayId;
	}

	@PostMapping("/quarantine/facilities/{id}/stays")
	String intake(@PathVariable long id, @RequestParam String name, @RequestParam String phone,
			@RequestParam String category, @RequestParam(required = false) String room,
			@RequestParam(required = false) String requestId, RedirectAttributes redirect) {
		attempt(redirect, "quarantine.admitted",
				() -> intakes.intake(id, new Intake(null, name, phone, category, room, null, null, null, requestId, null)));
		return "redirect:/quarantine/facilities/" + id;
	}

	@PostMapping("/quarantine/stays/{stayId}/home-check")
	String homeCheck(@PathVariable long stayId, @RequestParam long facility, @RequestParam String result,
			@RequestParam(required = false) String inspector, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		attempt(redirect, "quarantine.homeChecked", () -> releases.homeCheck(stayId, new HomeCheck(result, inspector, note)));
		return "redirect:/quarantine/facilities/" + facility + "/due";
	}

	@PostMapping("/quarantine/stays/{stayId}/release")
	String release(@PathVariable long stayId, @RequestParam long facility, @RequestParam Destination destination,
			@RequestParam(required = false) String address, RedirectAttributes redirect) {
		attempt(redirect, "quarantine.released",
				() -> releases.release(stayId, new ReleaseForm(destination, address, null)));
		return "redirect:/quarantine/facilities/" + facility + "/due";
	}

	@PostMapping("/quarantine/stays/{stayId}/registration")
	String completeRegistration(@PathVariable long stayId, @RequestParam long facility, @RequestParam String idNumber,
			@RequestParam String community, @RequestParam String address, RedirectAttributes redirect) {
		attempt(redirect, "quarantine.registration.done",
				() -> registrations.completeRegistration(stayId, new Registration(null, idNumber, community, address)));
		return "redirect:/quarantine/facilities/" + facility + "#stay-" + stayId;
	}

	@PostMapping("/quarantine/stays/{stayId}/follow-ups")
	String followUp(@PathVariable long stayId, @RequestParam long facility, @RequestParam String outcome,
			RedirectAttributes redirect) {
		attempt(redirect, "quarantine.saved", () -> keyPopulation.recordFollowUp(stayId, outcome));
		return "redirect:/quarantine/facilities/" + facility + "#key-population";
	}

	@PostMapping("/quarantine/rooms/{roomId}/disinfected")
	String disinfected(@PathVariable long roomId, @RequestParam long facility, @RequestParam(required = false) Long staffId,
			RedirectAttributes redirect) {
		attempt(redirect, "quarantine.disinfected", () -> facilities.disinfected(roomId, staffId));
		return "redirect:/quarantine/facilities/" + facility;
	}

	@PostMapping("/quarantine/anomalies/{id}/acknowledge")
	String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
		attempt(redirect, "quarantine.acknowledged", () -> anomalies.acknowledge(id, null));
		return "redirect:/quarantine/anomalies";
	}

	@PostMapping("/quarantine/anomalies/{id}/close")
	String close(@PathVariable long id, @RequestParam String outcome, RedirectAttributes redirect) {
		attempt(redirect, "quarantine.closed", () -> anomalies.close(id, outcome));
		return "redirect:/quarantine/anomalies";
	}

	/**
	 * A reason an anomaly was opened, as the page words it: {@code TEMPERATURE 37.8} becomes the message
	 * {@code quarantine.reason.TEMPERATURE} with 37.8, {@code SYMPTOM COUGH} the message {@code quarantine.reason.SYMPTOM}
	 * with the symptom's label.
	 */
	record ShownReason(String key, String value, Symptom symptom) {

		static ShownReason of(String reason) {
			String[] parts = reason.split(" ", 2);
			String key = "quarantine.reason." + parts[0];
			String value = parts.length > 1 ? parts[1] : null;
			if ("SYMPTOM".equals(parts[0]) && value != null) {
				try {
					return new ShownReason(key, value, Symptom.valueOf(value));
				}
				catch (IllegalArgumentException unknown) {
					return new ShownReason(key, value, null);
				}
			}
			return new ShownReason(key, value, null);
		}
	}

	private void attempt(RedirectAttributes redirect, String doneKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", doneKey);
		}
		catch (Problem problem) {
			redirect.addFlashAttribute("error", texts.text(problem));
		}
	}
}
