package org.frontline.testing.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.frontline.shared.Page;
import org.frontline.shared.Problem;
import org.frontline.testing.Coverage;
import org.frontline.testing.CoverageFigures;
import org.frontline.testing.FileCheck;
import org.frontline.testing.FollowUps;
import org.frontline.testing.LabTurnaround;
import org.frontline.testing.MissingPerson;
import org.frontline.testing.PersonResult;
import org.frontline.testing.PoolAdvice;
import org.frontline.testing.ResultAnswer;
import org.frontline.testing.ResultBatch;
import org.frontline.testing.ResultCorrection;
import org.frontline.testing.Results;
import org.frontline.testing.RetestTask;
import org.frontline.testing.SelfReport;
import org.frontline.testing.SelfReportForm;
import org.frontline.testing.SelfReports;
import org.frontline.testing.TubeReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
class ResultsApiController {

	private final Results results;

	private final FollowUps followUps;

	private final Coverage coverage;

	private final SelfReports selfReports;

	ResultsApiController(Results results, FollowUps followUps, Coverage coverage, SelfReports selfReports) {
		this.results = results;
		this.followUps = followUps;
		this.coverage = coverage;
		this.selfReports = selfReports;
	}

	@PostMapping("/results")
	Map<String, List<ResultAnswer>> post(@RequestBody ResultBatch batch) {
		return Map.of("results", results.submit(batch));
	}

	/** A CSV or XLSX file of results: checked whole first; with errors nothing is written (see FileCheck.uploadId). */
	@PostMapping(path = "/results/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	FileCheck upload(@RequestParam("file") MultipartFile file) throws IOException {
		return results.upload(file.getOriginalFilename(), file.getBytes());
	}

	@PostMapping("/results/uploads/{id}/import")
	FileCheck importValidRows(@PathVariable long id) {
		return results.importValidRows(id);
	}

	@PostMapping("/results/{tubeCode}/correction")
	TubeReport correct(@PathVariable String tubeCode, @RequestBody ResultCorrection correction) {
		return results.correct(tubeCode, correction);
	}

	@GetMapping("/people/{id}/results")
	List<PersonResult> ofPerson(@PathVariable long id) {
		return results.ofPerson(id);
	}

	@GetMapping("/tasks")
	List<RetestTask> tasks(@RequestParam(required = false) String area, @RequestParam(required = false) String status) {
		return followUps.tasks(area, status);
	}

	@PostMapping("/tasks/{id}/take")
	RetestTask take(@PathVariable long id) {
		return followUps.take(id);
	}

	@GetMapping("/followups")
	FollowUps.Inbox inbox() {
		return followUps.inbox();
	}

	@PostMapping("/self-reports")
	SelfReport selfReport(@RequestBody SelfReportForm form) {
		return selfReports.report(form);
	}

	@GetMapping("/self-reports")
	List<SelfReport> selfReports(@RequestParam(required = false) String area) {
		return selfReports.list(area);
	}

	@GetMapping("/rounds/{id}/coverage")
	CoverageFigures coverage(@PathVariable long id, @RequestParam(required = false) String area) {
		return coverage.coverage(id, area);
	}

	@GetMapping("/rounds/{id}/missing")
	Page<MissingPerson> missing(@PathVariable long id, @RequestParam(required = false) String area,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return coverage.missing(id, area, page, size);
	}

	@GetMapping("/rounds/{id}/missing/export")
	ResponseEntity<byte[]> missingCsv(@PathVariable long id, @RequestParam(required = false) String area) {
		byte[] csv = coverage.missingCsv(id, area).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"missing-round-" + id + ".csv\"")
			.body(csv);
	}

	@PostMapping("/rounds/{id}/exemptions")
	ResponseEntity<Void> exempt(@PathVariable long id, @RequestBody Map<String, Object> body) {
		Object person = body.get("personId");
		if (!(person instanceof Number number) || number.longValue() <= 0) {
			throw Problem.invalid("personId", "testing.exemption.person");
		}
		Object reason = body.get("reason");
		coverage.exempt(id, number.longValue(), reason instanceof String s ? s : null);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/rounds/{id}/exemptions/{personId}")
	ResponseEntity<Void> unexempt(@PathVariable long id, @PathVariable long personId) {
		coverage.unexempt(id, personId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/rounds/{id}/turnaround")
	List<LabTurnaround> turnaround(@PathVariable long id) {
		return results.turnaround(id);
	}

	@GetMapping("/rounds/{id}/pool-advice")
	PoolAdvice poolAdvice(@PathVariable long id, @RequestParam(required = false) String area,
			@RequestParam(required = false) Double prevalence) {
		return coverage.poolAdvice(id, area, prevalence);
	}
}
