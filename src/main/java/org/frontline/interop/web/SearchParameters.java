package org.frontline.interop.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.frontline.interop.internal.Codes;
import org.frontline.shared.Problem;

/** The search parameters Frontline reads, parsed with a clear error for a wrong value. */
final class SearchParameters {

	static final int DEFAULT_COUNT = 50;

	static final int MAX_COUNT = 500;

	private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

	private SearchParameters() {
	}

	/** {@code _tag=<round system>|<round id>}: the round a search is bounded to, or null. */
	static Long round(String tag) {
		if (tag == null) {
			return null;
		}
		String prefix = Codes.ROUND + "|";
		if (!tag.startsWith(prefix) || !tag.substring(prefix.length()).matches("\\d{1,18}")) {
			throw Problem.invalid("_tag", "interop.search.tag", prefix);
		}
		return Long.parseLong(tag.substring(prefix.length()));
	}

	/** {@code patient=123} or {@code Patient/123}, or null. */
	static Long patient(String name, String value) {
		if (value == null) {
			return null;
		}
		String id = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
		if (!id.matches("\\d{1,18}")) {
			throw Problem.invalid(name, "interop.search.patient", name);
		}
		return Long.parseLong(id);
	}

	/** {@code _lastUpdated=ge<instant or date>} (or gt): the earliest change wanted, or null. */
	static Instant lastUpdated(String value) {
		if (value == null) {
			return null;
		}
		if (!value.startsWith("ge") && !value.startsWith("gt")) {
			throw Problem.invalid("_lastUpdated", "interop.search.last-updated");
		}
		String at = value.substring(2);
		try {
			Instant instant = at.length() == 10 ? LocalDate.parse(at).atStartOfDay(DISTRICT).toInstant()
					: OffsetDateTime.parse(at).toInstant();
			return value.startsWith("gt") ? instant.plusMillis(1) : instant;
		}
		catch (DateTimeParseException ex) {
			throw Problem.invalid("_lastUpdated", "interop.search.last-updated.value", at);
		}
	}

	static int count(Integer count) {
		if (count == null) {
			return DEFAULT_COUNT;
		}
		if (count < 1 || count > MAX_COUNT) {
			throw Problem.invalid("_count", "interop.search.count", MAX_COUNT);
		}
		return count;
	}

	static int offset(Integer offset) {
		if (offset == null) {
			return 0;
		}
		if (offset < 0 || offset > 10_000_000) {
			throw Problem.invalid("_offset", "interop.search.offset");
		}
		return offset;
	}
}
