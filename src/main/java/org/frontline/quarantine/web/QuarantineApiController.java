package org.frontline.quarantine.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.frontline.quarantine.Anomalies;
import org.frontline.quarantine.Anomaly;
import org.frontline.quarantine.Arrival;
import org.frontline.quarantine.Arrivals;
import org.frontline.quarantine.Capacity;
import org.frontline.quarantine.Categories;
import org.frontline.quarantine.Category;
import org.frontline.quarantine.DayRow;
import org.frontline.quarantine.Facilities;
import org.frontline.quarantine.Facility;
import org.frontline.quarantine.FollowUp;
import org.frontline.quarantine.HomeCheck;
import org.frontline.quarantine.Intake;
import org.frontline.quarantine.Intakes;
import org.frontline.quarantine.KeyPersonCall;
import org.frontline.quarantine.KeyPopulation;
import org.frontline.quarantine.MeetingReport;
import org.frontline.quarantine.Meetings;
import org.frontline.quarantine.NewArrivals;
import org.frontline.quarantine.NewCategory;
import org.frontline.quarantine.NewFacility;
import org.frontline.quarantine.NewFacility.NewStaff;
import org.frontline.quarantine.NewRule;
import org.frontline.quarantine.Observation;
import org.frontline.quarantine.ObservationForm;
import org.frontline.quarantine.Observations;
import org.frontline.quarantine.Registration;
import org.frontline.quarantine.Registrations;
import org.frontline.quarantine.ReleaseCheck;
import org.frontline.quarantine.ReleaseForm;
import org.frontline.quarantine.Releases;
import org.frontline.quarantine.Room;
import org.frontline.quarantine.StaffMember;
import org.frontline.quarantine.Stay;
import org.frontline.quarantine.Stays;
import org.frontline.shared.Problem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class QuarantineApiController {

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

	private final Meetings meetings;

	QuarantineApiController(Facilities facilities, Categories categories, Stays stays, Intakes intakes,
			Registrations registrations, Releases releases, Arrivals arrivals, KeyPopulation keyPopulation,
			Observations observations, Anomalies anomalies, Meetings meetings) {
		this.meetings = meetings;
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

	@PostMapping("/facilities")
	ResponseEntity<Facility> createFacility(@RequestBody NewFacility form) {
		Facility facility = facilities.create(form);
		return ResponseEntity.created(URI.create("/api/v1/facilities/" + facility.id())).body(facility);
	}

	@GetMapping("/facilities")
	List<Facility> facilities() {
		return facilities.list();
	}

	@GetMapping("/facilities/{id}")
	Facility facility(@PathVariable long id) {
		return facilities.get(id);
	}

	@GetMapping("/facilities/{id}/rooms")
	List<Room> rooms(@PathVariable long id) {
		return facilities.rooms(id);
	}

	@PostMapping("/facilities/{id}/staff")
	ResponseEntity<StaffMember> addStaff(@PathVariable long id, @RequestBody NewStaff member) {
		return ResponseEntity.status(201).body(facilities.addStaff(id, member));
	}

	@PostMapping("/categories")
	ResponseEntity<Category> createCategory(@RequestBody NewCategory form) {
		Category category = categories.create(form);
		return ResponseEntity.created(URI.create("/api/v1/categories/" + category.code())).body(category);
	}

	@GetMapping("/categories")
	List<Category> categories() {
		return categories.list();
	}

	@GetMapping("/categories/{code}")
	Category category(@PathVariable String code) {
		return categories.get(code);
	}

	@PostMapping("/categories/{code}/rules")
	ResponseEntity<Category> addRule(@PathVariable String code, @RequestBody NewRule rule) {
		return ResponseEntity.status(201).body(categories.addRule(code, rule));
	}

	@PostMapping("/facilities/{id}/stays")
	ResponseEntity<Stay> intake(@PathVariable long id, @RequestBody Intake intake) {
		Stay stay = intakes.intake(id, intake);
		return ResponseEntity.created(URI.create("/api/v1/stays/" + stay.id())).body(stay);
	}

	@GetMapping("/facilities/{id}/stays")
	List<Stay> stays(@PathVariable long id, @RequestParam(required = false) String status) {
		return stays.list(id, status);
	}

	@GetMapping("/facilities/{id}/due-for-release")
	List<ReleaseCheck> dueForRelease(@PathVariable long id, @RequestParam(defaultValue = "2") int days) {
		return releases.dueForRelease(id, days);
	}

	@GetMapping("/facilities/{id}/day")
	List<DayRow> day(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return observations.daySheet(id, date);
	}

	@PostMapping("/facilities/{id}/arrivals")
	ResponseEntity<List<Arrival>> planArrivals(@PathVariable long id, @RequestBody NewArrivals planned) {
		return ResponseEntity.status(201).body(arrivals.plan(id, planned));
	}

	@GetMapping("/facilities/{id}/arrivals")
	List<Arrival> arrivals(@PathVariable long id) {
		return arrivals.expected(id);
	}

	@GetMapping("/facilities/{id}/key-population")
	List<KeyPersonCall> keyPopulation(@PathVariable long id) {
		return keyPopulation.list(id);
	}

	@PostMapping("/facilities/{id}/meetings")
	ResponseEntity<MeetingReport> meetingReport(@PathVariable long id, @RequestBody MeetingForm form) {
		return ResponseEntity.status(201).body(meetings.report(id, form.day(), form.group(), form.report()));
	}

	@GetMapping("/facilities/{id}/meetings")
	List<MeetingReport> meeting(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		return meetings.of(id, day);
	}

	@GetMapping("/stays/{id}")
	Stay stay(@PathVariable long id) {
		return stays.get(id);
	}

	@PostMapping("/stays/{id}/registration")
	Stay completeRegistration(@PathVariable long id, @RequestBody Registration registration) {
		return registrations.completeRegistration(id, registration);
	}

	@PostMapping("/stays/{id}/reclassify")
	Stay reclassify(@PathVariable long id, @RequestBody Reclassification body) {
		return registrations.reclassify(id, body.category());
	}

	@PostMapping("/stays/{id}/observations")
	ResponseEntity<Observation> observe(@PathVariable long id, @RequestBody ObservationForm form) {
		return ResponseEntity.status(201).body(observations.record(id, form));
	}

	@GetMapping("/stays/{id}/observations")
	List<Observation> observations(@PathVariable long id) {
		return observations.ofStay(id);
	}

	@PostMapping("/stays/{id}/home-check")
	Stay homeCheck(@PathVariable long id, @RequestBody HomeCheck check) {
		return releases.homeCheck(id, check);
	}

	@PostMapping("/stays/{id}/release")
	Stay release(@PathVariable long id, @RequestBody ReleaseForm form) {
		return releases.release(id, form);
	}

	@PostMapping("/stays/{id}/follow-ups")
	ResponseEntity<FollowUp> followUp(@PathVariable long id, @RequestBody Note body) {
		return ResponseEntity.status(201).body(keyPopulation.recordFollowUp(id, body.outcome()));
	}

	@PostMapping("/rooms/{id}/disinfected")
	Room disinfected(@PathVariable long id, @RequestBody(required = false) Disinfection body) {
		return facilities.disinfected(id, body == null ? null : body.staffId());
	}

	@PostMapping("/rooms/{id}/out-of-service")
	Room outOfService(@PathVariable long id, @RequestBody ServiceChange body) {
		if (body.outOfService() == null) {
			throw Problem.invalid("outOfService", "quarantine.room.out-of-service");
		}
		return facilities.setOutOfService(id, body.outOfService());
	}

	@GetMapping("/anomalies")
	List<Anomaly> anomalies(@RequestParam(required = false) String status) {
		return anomalies.list(status);
	}

	@GetMapping("/anomalies/{id}")
	Anomaly anomaly(@PathVariable long id) {
		return anomalies.get(id);
	}

	@PostMapping("/anomalies/{id}/acknowledge")
	Anomaly acknowledge(@PathVariable long id, @RequestBody(required = false) Note body) {
		return anomalies.acknowledge(id, body == null ? null : body.note());
	}

	@PostMapping("/anomalies/{id}/close")
	Anomaly close(@PathVariable long id, @RequestBody Note body) {
		return anomalies.close(id, body.outcome());
	}

	@GetMapping("/quarantine/capacity")
	Capacity capacity(@RequestParam(required = false) String area) {
		return facilities.capacity(area);
	}

	record MeetingForm(LocalDate day, String group, String report) {
	}

	record Reclassification(String category) {
	}

	record Note(String note, String outcome) {
	}

	record Disinfection(Long staffId) {
	}

	record ServiceChange(Boolean outOfService) {
	}
}
