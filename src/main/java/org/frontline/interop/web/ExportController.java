package org.frontline.interop.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.frontline.interop.internal.ExportRepository.Export;
import org.frontline.interop.internal.Exports;
import org.frontline.interop.internal.Fhir;
import org.frontline.interop.internal.Outcomes;
import org.frontline.shared.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.ObjectMapper;

/**
 * FHIR Bulk Data export of a round: the kick-off ({@code Prefer: respond-async}) answers 202 with the status URL; the
 * status answers the manifest; each file is NDJSON made as it is sent.
 */
@RestController
@RequestMapping("/fhir")
class ExportController extends FhirEndpoint {

	private static final String NDJSON = "application/fhir+ndjson";

	private final Exports exports;

	private final ObjectMapper json;

	private final Clock clock;

	ExportController(Fhir fhir, Outcomes outcomes, Exports exports, ObjectMapper json, Clock clock) {
		super(fhir, outcomes);
		this.exports = exports;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/$export")
	ResponseEntity<String> kickOff(@RequestParam(required = false) String round,
			@RequestParam(name = "_type", required = false) String types,
			@RequestParam(name = "_since", required = false) String since,
			@RequestParam(name = "_outputFormat", required = false) String format,
			@RequestHeader(name = "Prefer", required = false) String prefer, HttpServletRequest request) {
		if (prefer == null || !prefer.toLowerCase().contains("respond-async")) {
			throw Problem.invalid("Prefer", "interop.export.prefer");
		}
		if (round == null || !round.matches("\\d{1,18}")) {
			throw Problem.invalid("round", "interop.export.round");
		}
		if (format != null && !List.of("application/fhir+ndjson", "application/ndjson", "ndjson").contains(format)) {
			throw Problem.invalid("_outputFormat", "interop.export.format");
		}
		Instant from = null;
		if (since != null) {
			try {
				from = java.time.OffsetDateTime.parse(since).toInstant();
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw Problem.invalid("_since", "interop.export.since");
			}
		}
		List<String> wanted = types == null || types.isBlank() ? List.of()
				: Arrays.stream(types.split(",")).map(String::strip).toList();
		String requested = base() + "/$export" + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		UUID id = exports.kickOff(Long.parseLong(round), wanted, from, requested);
		return ResponseEntity.status(202).header("Content-Location", base() + "/$export-poll-status/" + id).build();
	}

	@GetMapping("/$export-poll-status/{id}")
	ResponseEntity<String> status(@PathVariable UUID id) {
		Export export = exports.export(id);
		List<Map<String, Object>> output = new ArrayList<>();
		for (Exports.Output file : Exports.outputs(export)) {
			output.add(Map.of("type", file.type(), "url", base() + "/$export-file/" + id + "/" + file.name()));
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("transactionTime", export.transactionTime().toString());
		manifest.put("request", export.request());
		manifest.put("requiresAccessToken", true);
		manifest.put("output", output);
		manifest.put("error", List.of());
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.header("Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
				.format(java.time.ZonedDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)).plusDays(1)))
			.body(json.writeValueAsString(manifest));
	}

	@DeleteMapping("/$export-poll-status/{id}")
	ResponseEntity<String> cancel(@PathVariable UUID id) {
		exports.cancel(id);
		return ResponseEntity.status(202).build();
	}

	@GetMapping("/$export-file/{id}/{name}")
	void file(@PathVariable UUID id, @PathVariable String name, HttpServletResponse response) throws IOException {
		if (Exports.outputs(exports.export(id)).stream().noneMatch(file -> file.name().equals(name))) {
			throw Problem.notFound("interop.export.file.not-found", name, id.toString());
		}
		response.setStatus(200);
		response.setContentType(NDJSON);
		response.setCharacterEncoding("UTF-8");
		try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
			exports.write(id, name, out);
		}
	}
}
