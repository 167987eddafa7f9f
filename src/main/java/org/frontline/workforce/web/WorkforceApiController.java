package org.frontline.workforce.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.frontline.people.ImportReport;
import org.frontline.shared.Page;
import org.frontline.shared.Problem;
import org.frontline.workforce.Attendance;
import org.frontline.workforce.AttendanceAnswer;
import org.frontline.workforce.AttendanceEvent;
import org.frontline.workforce.Deployment;
import org.frontline.workforce.Deployments;
import org.frontline.workforce.Hours;
import org.frontline.workforce.Limits;
import org.frontline.workforce.NewAssignment;
import org.frontline.workforce.NewDeployment;
import org.frontline.workforce.NewShift;
import org.frontline.workforce.NewShiftLimits;
import org.frontline.workforce.NewUnit;
import org.frontline.workforce.NewWorker;
import org.frontline.workforce.NewWorkerTest;
import org.frontline.workforce.OnDuty;
import org.frontline.workforce.Shift;
import org.frontline.workforce.ShiftGeneration;
import org.frontline.workforce.ShiftLimits;
import org.frontline.workforce.Shifts;
import org.frontline.workforce.Staffing;
import org.frontline.workforce.Unit;
import org.frontline.workforce.Units;
import org.frontline.workforce.WorkedHours;
import org.frontline.workforce.Worker;
import org.frontline.workforce.WorkerKind;
import org.frontline.workforce.WorkerQuery;
import org.frontline.workforce.WorkerStatus;
import org.frontline.workforce.WorkerTest;
import org.frontline.workforce.Workers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The workforce API: workers and units, deployments, shifts and assignments, check-in and check-out, on duty, hours. */
@RestController
@RequestMapping("/api/v1")
class WorkforceApiController {

	static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;

	private final Workers workers;

	private final Units units;

	private final Deployments deployments;

	private final Shifts shifts;

	private final Attendance attendance;

	private final Staffing staffing;

	private final Hours hours;

	private final Limits limits;

	private final WorkforceDocuments documents;

	WorkforceApiController(Workers workers, Units units, Deployments deployments, Shifts shifts, Attendance attendance,
			Staffing staffing, Hours hours, Limits limits, WorkforceDocuments documents) {
		this.documents = documents;
		this.workers = workers;
		this.units = units;
		this.deployments = deployments;
		this.shifts = shifts;
		this.attendance = attendance;
		this.staffing = staffing;
		this.hours = hours;
		this.limits = limits;
	}

	/** A worker's new status. */
	record StatusChange(WorkerStatus status) {
	}

	@PostMapping("/workers")
	ResponseEntity<Worker> register(@RequestBody NewWorker worker) {
		Worker created = workers.register(worker);
		return ResponseEntity.created(URI.create("/api/v1/workers/" + created.id())).body(created);
	}

	@GetMapping("/workers")
	Page<Worker> search(@RequestParam(required = false) String area, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) WorkerKind kind, @RequestParam(required = false) WorkerStatus status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return workers.search(new WorkerQuery(area, unit, kind, status, q, page, size));
	}

	@GetMapping("/workers/{id}")
	Worker worker(@PathVariable long id) {
		return workers.get(id);
	}

	@PostMapping("/workers/{id}/status")
	Worker status(@PathVariable long id, @RequestBody StatusChange change) {
		return workers.setStatus(id, change.status());
	}

	@PostMapping("/workers/{id}/tests")
	ResponseEntity<List<WorkerTest>> test(@PathVariable long id, @RequestBody NewWorkerTest test) {
		return ResponseEntity.status(HttpStatus.CREATED).body(workers.recordTest(id, test));
	}

	@GetMapping("/workers/{id}/hours")
	WorkedHours hours(@PathVariable long id, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return hours.hours(id, from, to);
	}

	@PostMapping(path = "/workers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importFile(@RequestPart("file") MultipartFile file) throws IOException {
		return workers.importFile(readLimited(file.getInputStream()));
	}

	@PostMapping(path = "/workers/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE,
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
	ImportReport importBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_IMPORT_BYTES) {
			throw tooLarge();
		}
		return workers.importFile(readLimited(request.getInputStream()));
	}

	@PostMapping("/units")
	ResponseEntity<Unit> createUnit(@RequestBody NewUnit unit) {
		Unit created = units.create(unit);
		return ResponseEntity.created(URI.create("/api/v1/units/" + created.id())).body(created);
	}

	@GetMapping("/units")
	List<Unit> units() {
		return units.list();
	}

	@GetMapping("/units/{id}")
	Units.UnitPage unit(@PathVariable long id) {
		return units.page(id);
	}

	@PostMapping("/deployments")
	ResponseEntity<Deployment> deploy(@RequestBody NewDeployment deployment) {
		Deployment created = deployments.deploy(deployment);
		return ResponseEntity.created(URI.create("/api/v1/deployments/" + created.id())).body(created);
	}

	@PostMapping("/shifts")
	ResponseEntity<Shift> createShift(@RequestBody NewShift shift) {
		Shift created = shifts.create(shift);
		return ResponseEntity.created(URI.create("/api/v1/shifts/" + created.id())).body(created);
	}

	@PostMapping("/shifts/generate")
	List<Shift> generate(@RequestBody ShiftGeneration generation) {
		return shifts.generate(generation);
	}

	@GetMapping("/shifts/{id}")
	Shift shift(@PathVariable long id) {
		return shifts.get(id);
	}

	@PostMapping("/shifts/{id}/assignments")
	ResponseEntity<Shift> assign(@PathVariable long id, @RequestBody NewAssignment assignment) {
		return ResponseEntity.status(HttpStatus.CREATED).body(shifts.assign(id, assignment));
	}

	@DeleteMapping("/shifts/{id}/assignments/{workerId}")
	Shift unassign(@PathVariable long id, @PathVariable long workerId) {
		return shifts.unassign(id, workerId);
	}

	@PostMapping("/shifts/{id}/check-ins")
	AttendanceAnswer checkIn(@PathVariable long id, @RequestBody AttendanceEvent event) {
		return attendance.checkIn(id, event, "API");
	}

	@PostMapping("/shifts/{id}/check-outs")
	AttendanceAnswer checkOut(@PathVariable long id, @RequestBody AttendanceEvent event) {
		return attendance.checkOut(id, event, "API");
	}

	@GetMapping("/workforce/on-duty")
	OnDuty onDuty(@RequestParam(required = false) String area) {
		return staffing.onDuty(area);
	}

	@GetMapping("/workforce/posts/{id}/roster")
	Shifts.Roster roster(@PathVariable long id, @RequestParam(required = false) LocalDate day) {
		return shifts.roster(id, day);
	}

	/** The roster as an XLSX sheet. */
	@GetMapping("/workforce/posts/{id}/roster.xlsx")
	ResponseEntity<byte[]> rosterXlsx(@PathVariable long id, @RequestParam(required = false) LocalDate day) {
		return documents.roster(id, day);
	}

	/** The post's QR poster (PDF) that workers scan to check in. */
	@GetMapping("/workforce/posts/{id}/poster")
	ResponseEntity<byte[]> poster(@PathVariable long id) {
		return documents.poster(id);
	}

	/** A volunteer-hours certificate (PDF) for the days {@code from} to {@code to}; its code in {@code Certificate-Code}. */
	@PostMapping("/workers/{id}/certificates")
	ResponseEntity<byte[]> certificate(@PathVariable long id, @RequestBody CertificatePeriod period) {
		return documents.certificate(id, period.from(), period.to());
	}

	/** The days a certificate covers, both included. */
	record CertificatePeriod(LocalDate from, LocalDate to) {
	}

	@GetMapping("/workforce/me/shifts")
	List<Shift> myShifts() {
		return shifts.mine();
	}

	@GetMapping("/workforce/limits")
	List<ShiftLimits> limits() {
		return limits.versions();
	}

	@PostMapping("/workforce/limits")
	ResponseEntity<ShiftLimits> addLimits(@RequestBody NewShiftLimits version) {
		return ResponseEntity.status(HttpStatus.CREATED).body(limits.add(version));
	}

	@PostMapping("/workforce/heat-days")
	List<Limits.HeatDay> heatDay(@RequestBody Limits.NewHeatDay day) {
		return limits.declareHeatDay(day);
	}

	static byte[] readLimited(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
		if (bytes.length > MAX_IMPORT_BYTES) {
			throw tooLarge();
		}
		return bytes;
	}

	static Problem tooLarge() {
		return new Problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "workforce.import.too-large",
				MAX_IMPORT_BYTES / (1024 * 1024));
	}
}
