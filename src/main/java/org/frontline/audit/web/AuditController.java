package org.frontline.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.frontline.audit.AuditEntry;
import org.frontline.audit.AuditLog;
import org.frontline.audit.AuditQuery;
import org.frontline.shared.Page;
import org.frontline.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class AuditController {

	private final AuditLog auditLog;

	private final Clock clock;

	AuditController(AuditLog auditLog, Clock clock) {
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@GetMapping("/api/v1/audit")
	@ResponseBody
	Page<AuditEntry> api(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
			@RequestParam(required = false) String since, @RequestParam(required = false) String recordType,
			@RequestParam(required = false) String recordId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return auditLog.find(new AuditQuery(user, action, parseSince(since), recordType, recordId, page, size));
	}

	@GetMapping("/admin/audit")
	String page(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
			@RequestParam(required = false) String since, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("entries",
				auditLog.find(new AuditQuery(user, action, parseSince(since), null, null, page, 100)));
		model.addAttribute("user", user);
		model.addAttribute("action", action);
		model.addAttribute("since", since);
		model.addAttribute("page", page);
		return "audit/list";
	}

	/** A date is the start of that day in the district's time zone. */
	private Instant parseSince(String since) {
		if (since == null || since.isBlank()) {
			return null;
		}
		try {
			if (since.length() == 10) {
				return LocalDate.parse(since).atStartOfDay(clock.getZone()).toInstant();
			}
			return Instant.parse(since);
		}
		catch (RuntimeException ex) {
			throw Problem.invalid("since", "audit.since.invalid", since);
		}
	}
}
