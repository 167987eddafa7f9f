package org.frontline.command;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued daily report of an area (metadata): its day, version, who issued it and when, and for a correction what
 * changed against the version before.
 */
public record DailyReport(long id, LocalDate day, String area, int version, Instant issuedAt, String issuedBy,
		String changes) {

	public String pdfHref() {
		return "/api/v1/reports/daily/" + id + ".pdf";
	}

	public String xlsxHref() {
		return "/api/v1/reports/daily/" + id + ".xlsx";
	}
}
