package org.frontline.workforce.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.frontline.shared.DateTimes;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.workforce.ShiftLimits;
import org.frontline.workforce.ShiftRule;
import org.frontline.workforce.WorkerStatus;
import org.frontline.workforce.internal.AssignmentRules.Violation;

/**
 * Puts a refused assignment into a 422 problem: its detail says the first broken rule in the reader's language with
 * its figures (hours and minutes, times in the district's zone); its body names the rule ({@code "rule": "REST"}),
 * its figures, every other broken rule and the limits version, the same in every language.
 */
public final class RuleMessages {

	private RuleMessages() {
	}

	public static Problem refusal(List<Violation> violations, ShiftLimits limits, ZoneId zone) {
		Violation first = violations.get(0);
		List<Map<String, Object>> all = new ArrayList<>();
		for (Violation violation : violations) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("rule", violation.rule().name());
			entry.put("figures", violation.figures());
			all.add(entry);
		}
		Message message = message(first, zone);
		return Problem.unprocessable("shift-rule", message.key(), message.args().toArray())
			.with("rule", first.rule().name())
			.with("figures", first.figures())
			.with("violations", all)
			.with("limitsVersion", limits.version());
	}

	/** The text of one broken rule. */
	public static Message message(Violation violation, ZoneId zone) {
		Map<String, Object> f = violation.figures();
		String key = "workforce.rule." + violation.rule().name();
		return switch (violation.rule()) {
			case STATUS -> Message.of(key, WorkerStatus.valueOf((String) f.get("status")));
			case QUALIFICATION -> Message.of(key);
			case DEPLOYMENT -> Message.of(key, f.get("deployedTo"), f.get("from"), f.get("to"));
			case OVERLAP -> Message.of(key, time(f.get("startsAt"), zone), time(f.get("endsAt"), zone));
			case REST -> Message.of(key, hours(f.get("restMinutes")), minutes(f.get("restMinutes")),
					decimalHours(f.get("requiredMinutes")));
			case SUIT -> Message.of(key, hours(f.get("minutes")), minutes(f.get("minutes")),
					decimalHours(f.get("limitMinutes")));
			case HEAT -> Message.of(key, hours(f.get("minutes")), minutes(f.get("minutes")),
					decimalHours(f.get("limitMinutes")), f.get("day"));
			case DAILY_HOURS -> Message.of(key, f.get("day"), hours(f.get("minutes")), minutes(f.get("minutes")),
					decimalHours(f.get("limitMinutes")));
			case WEEKLY_HOURS -> Message.of(key, f.get("from"), f.get("to"), hours(f.get("minutes")),
					minutes(f.get("minutes")), decimalHours(f.get("limitMinutes")));
			case TEST -> test(f, zone);
		};
	}

	private static Message test(Map<String, Object> f, ZoneId zone) {
		String limit = decimalHours(f.get("limitMinutes"));
		if (f.get("latestTestAt") == null) {
			return Message.of("workforce.rule.TEST.none", limit);
		}
		if (!"NEGATIVE".equals(f.get("outcome"))) {
			return Message.of("workforce.rule.TEST.positive", time(f.get("latestTestAt"), zone), limit);
		}
		return Message.of("workforce.rule.TEST", time(f.get("latestTestAt"), zone), hours(f.get("ageMinutes")),
				minutes(f.get("ageMinutes")), limit);
	}

	private static String time(Object iso, ZoneId zone) {
		return iso == null ? "" : DateTimes.dateTime(Instant.parse(iso.toString()), zone);
	}

	private static String hours(Object minutes) {
		return Long.toString(Math.max(0, ((Number) minutes).longValue()) / 60);
	}

	private static String minutes(Object minutes) {
		return Long.toString(Math.max(0, ((Number) minutes).longValue()) % 60);
	}

	/** {@code 480} minutes as {@code 8}, {@code 450} as {@code 7.5}. */
	static String decimalHours(Object minutes) {
		return BigDecimal.valueOf(((Number) minutes).longValue())
			.divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}
}
