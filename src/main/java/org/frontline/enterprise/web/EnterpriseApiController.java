package org.frontline.enterprise.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.frontline.enterprise.AntigenResult;
import org.frontline.enterprise.DailyReport;
import org.frontline.enterprise.DailyReports;
import org.frontline.enterprise.Enterprise;
import org.frontline.enterprise.Enterprises;
import org.frontline.enterprise.ExceptionReport;
import org.frontline.enterprise.GateEntry;
import org.frontline.enterprise.Leaving;
import org.frontline.enterprise.Loop;
import org.frontline.enterprise.LoopDay;
import org.frontline.enterprise.LoopException;
import org.frontline.enterprise.LoopStart;
import org.frontline.enterprise.LoopSummary;
import org.frontline.enterprise.LoopTesting;
import org.frontline.enterprise.Loops;
import org.frontline.enterprise.Member;
import org.frontline.enterprise.Movement;
import org.frontline.enterprise.NewEnterprise;
import org.frontline.enterprise.ReportForm;
import org.frontline.enterprise.Rosters;
import org.frontline.enterprise.RowAnswer;
import org.frontline.enterprise.StaffRow;
import org.frontline.enterprise.UntestedStaff;
import org.frontline.shared.Page;
import org.frontline.shared.Problem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The closed-loop enterprises API: enterprises, loops, rosters, daily testing and reports. */
@RestController
@RequestMapping("/api/v1")
class EnterpriseApiController {

	static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

	private final Enterprises enterprises;

	private final Loops loops;

	private final Rosters rosters;

	private final LoopTesting testing;

	private final DailyReports reports;

	EnterpriseApiController(Enterprises enterprises, Loops loops, Rosters rosters, LoopTesting testing,
			DailyReports reports) {
		this.enterprises = enterprises;
		this.loops = loops;
		this.rosters = rosters;
		this.testing = testing;
		this.reports = reports;
	}

	@GetMapping("/enterprises")
	List<Enterprise> enterprises(@RequestParam(required = false) String area) {
		return enterprises.list(area);
	}

	@PostMapping("/enterprises")
	ResponseEntity<Enterprise> register(@RequestBody NewEnterprise enterprise) {
		Enterprise created = enterprises.register(enterprise);
		return ResponseEntity.created(URI.create("/api/v1/enterprises/" + created.id())).body(created);
	}

	@PostMapping(path = "/enterprises/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	List<RowAnswer> importFile(@RequestPart("file") MultipartFile file) throws IOException {
		return enterprises.importFile(readLimited(file.getInputStream()));
	}

	@PostMapping(path = "/enterprises/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	List<RowAnswer> importBody(HttpServletRequest request) throws IOException {
		return enterprises.importFile(readBody(request));
	}

	@GetMapping("/enterprises/{id}")
	Enterprise enterprise(@PathVariable long id) {
		return enterprises.get(id);
	}

	/** Dormitory rooms: {@code {"building","first","count","beds"}}. */
	record Rooms(String building, Integer first, Integer count, Integer beds) {
	}

	@PostMapping("/enterprises/{id}/rooms")
	Object addRooms(@PathVariable long id, @RequestBody Rooms rooms) {
		return enterprises.addRooms(id, rooms.building(), rooms.first() == null ? 101 : rooms.first(),
				rooms.count() == null ? 0 : rooms.count(), rooms.beds() == null ? 0 : rooms.beds());
	}

	@PostMapping("/enterprises/{id}/loops")
	ResponseEntity<Loop> startLoop(@PathVariable long id, @RequestBody(required = false) LoopStart start) {
		Loop loop = loops.start(id, start);
		return ResponseEntity.created(URI.create("/api/v1/loops/" + loop.id())).body(loop);
	}

	@GetMapping("/loops")
	List<LoopSummary> loops(@RequestParam(required = false) String status, @RequestParam(required = false) String area) {
		return loops.list(status, area);
	}

	@GetMapping("/loops/{id}")
	LoopDay loop(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return loops.day(id, date);
	}

	record End(Instant at) {
	}

	@PostMapping("/loops/{id}/end")
	Loop end(@PathVariable long id, @RequestBody(required = false) End end) {
		return loops.end(id, end == null ? null : end.at());
	}

	@GetMapping("/loops/{id}/roster")
	Page<Member> roster(@PathVariable long id, @RequestParam(required = false) String shiftGroup,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return rosters.members(id, shiftGroup, page, size);
	}

	/** {@code {"staff":[...]}}: every row answered in order. */
	record Roster(List<StaffRow> staff) {
	}

	@PostMapping(path = "/loops/{id}/roster", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<RowAnswer> addStaff(@PathVariable long id, @RequestBody Roster roster) {
		return rosters.add(id, roster.staff());
	}

	@PostMapping(path = "/loops/{id}/roster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	List<RowAnswer> uploadRoster(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
		return rosters.upload(id, readLimited(file.getInputStream()));
	}

	@PostMapping(path = "/loops/{id}/roster", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	List<RowAnswer> uploadRosterBody(@PathVariable long id, HttpServletRequest request) throws IOException {
		return rosters.upload(id, readBody(request));
	}

	@PostMapping("/loops/{id}/gate")
	RowAnswer gate(@PathVariable long id, @RequestBody GateEntry entry) {
		return rosters.enter(id, entry);
	}

	@PostMapping("/loops/{id}/leave")
	Movement leave(@PathVariable long id, @RequestBody Leaving leaving) {
		return rosters.leave(id, leaving);
	}

	@GetMapping("/loops/{id}/movements")
	List<Movement> movements(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
		return rosters.movements(id, limit);
	}

	@GetMapping("/loops/{id}/untested")
	Page<UntestedStaff> untested(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return testing.untested(id, date, page, size);
	}

	/** An antigen self-test: {@code {"personId","outcome","photo"}} with the photo in Base64. */
	record Antigen(Long personId, String outcome, byte[] photo) {
	}

	@PostMapping("/loops/{id}/antigen")
	ResponseEntity<Void> antigen(@PathVariable long id, @RequestBody Antigen antigen) {
		testing.antigen(id, new AntigenResult(antigen.personId(), antigen.outcome(), antigen.photo()));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/loops/{id}/exceptions")
	List<LoopException> exceptions(@PathVariable long id) {
		return testing.exceptions(id);
	}

	@PostMapping("/loops/{id}/exceptions")
	ResponseEntity<LoopException> exception(@PathVariable long id, @RequestBody ExceptionReport report) {
		return ResponseEntity.status(HttpStatus.CREATED).body(testing.report(id, report));
	}

	@PostMapping("/loops/{id}/exceptions/{exception}/close")
	ResponseEntity<Void> closeException(@PathVariable long id, @PathVariable long exception) {
		testing.close(id, exception);
		return ResponseEntity.noContent().build();
	}

	record Bedding(Integer sets, Instant neededBy) {
	}

	@PostMapping("/loops/{id}/bedding")
	Object requestBedding(@PathVariable long id, @RequestBody(required = false) Bedding bedding) {
		return loops.requestBedding(id, bedding == null ? null : bedding.sets(),
				bedding == null ? null : bedding.neededBy());
	}

	@PostMapping("/loops/{id}/bedding/received")
	Object beddingReceived(@PathVariable long id, @RequestBody Bedding bedding) {
		return java.util.Map.of("marked", loops.beddingReceived(id, bedding.sets() == null ? 0 : bedding.sets()));
	}

	@GetMapping("/loops/{id}/reports")
	List<DailyReport> reports(@PathVariable long id) {
		return reports.reports(id);
	}

	@PostMapping("/loops/{id}/reports")
	DailyReport fileReport(@PathVariable long id, @RequestBody ReportForm form) {
		return reports.file(id, form);
	}

	private static byte[] readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_UPLOAD_BYTES) {
			throw tooLarge();
		}
		return readLimited(request.getInputStream());
	}

	static byte[] readLimited(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
		if (bytes.length > MAX_UPLOAD_BYTES) {
			throw tooLarge();
		}
		return bytes;
	}

	static Problem tooLarge() {
		return new Problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "enterprise.upload.too-large",
				MAX_UPLOAD_BYTES / (1024 * 1024));
	}
}
