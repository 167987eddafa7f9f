package org.frontline.testing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.frontline.shared.Message;
import org.frontline.testing.Outcome;
import org.frontline.testing.ResultAnswer;
import org.frontline.testing.ResultItem;
import org.frontline.testing.ScanResult.Status;
import org.frontline.testing.internal.ResultRepository.NewResult;
import org.frontline.testing.internal.ResultRepository.TubeState;
import org.springframework.stereotype.Component;

/**
 * The one rule set for results, whichever way they come in (API batch, uploaded file, form): each item is checked on
 * its own and answered ACCEPTED, DUPLICATE or REJECTED; accepted ones are stored in one statement.
 */
@Component
public class ResultRules {

	public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	private static final BigDecimal CT_MAX = new BigDecimal("50");

	private final ResultRepository results;

	ResultRules(ResultRepository results) {
		this.results = results;
	}

	/** What a batch came to: an answer per item and the results stored now. */
	public record Applied(List<ResultAnswer> answers, List<Stored> stored) {

		public long count(Status status) {
			return answers.stream().filter(a -> a.status() == status).count();
		}
	}

	/** A result stored now, with its tube's round and pool size, for the follow-up. */
	public record Stored(long tubeId, String tubeCode, long roundId, int poolSize, Outcome outcome) {
	}

	private record Checked(int index, String tubeCode, NewResult result, String reason, Message message) {
	}

	/** Checks every item and, when {@code write}, stores the accepted ones. */
	public Applied apply(long labId, String operator, List<ResultItem> items, Instant now, boolean write) {
		List<Checked> checked = new ArrayList<>(items.size());
		Set<String> codes = new LinkedHashSet<>();
		List<Object[]> parsed = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			ResultItem item = items.get(i);
			String code = item == null || item.tubeCode() == null ? null : item.tubeCode().strip();
			Message error = itemError(item, now);
			if (error != null) {
				checked.add(new Checked(i, code, null, "INVALID_ITEM", error));
				parsed.add(null);
				continue;
			}
			codes.add(code);
			parsed.add(new Object[] { code, outcome(item.outcome()), ct(item.ctOrf1ab()), ct(item.ctN()),
					instant(item.testedAt()).truncatedTo(java.time.temporal.ChronoUnit.MICROS) });
			checked.add(null);
		}
		Map<String, TubeState> tubes = new HashMap<>();
		for (TubeState tube : results.tubes(codes, labId)) {
			tubes.put(tube.code(), tube);
		}
		Map<Long, NewResult> inBatch = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			Object[] p = parsed.get(i);
			if (p == null) {
				continue;
			}
			String code = (String) p[0];
			TubeState tube = tubes.get(code);
			if (tube == null) {
				checked.set(i, new Checked(i, code, null, "TUBE_UNKNOWN", Message.of("testing.result.tube-unknown")));
				continue;
			}
			if (!tube.received()) {
				checked.set(i, new Checked(i, code, null, "NOT_RECEIVED", Message.of("testing.result.not-received")));
				continue;
			}
			NewResult result = new NewResult(tube.id(), (Outcome) p[1], (BigDecimal) p[2], (BigDecimal) p[3],
					(Instant) p[4]);
			NewResult earlier = tube.resulted()
					? new NewResult(tube.id(), tube.outcome(), tube.ctOrf1ab(), tube.ctN(), tube.testedAt())
					: inBatch.get(tube.id());
			if (earlier != null) {
				checked.set(i, same(earlier, result)
						? new Checked(i, code, null, "DUPLICATE", Message.of("testing.result.stored-before"))
						: new Checked(i, code, null, "RESULT_DIFFERS",
								Message.of("testing.result.differs", earlier.outcome())));
				continue;
			}
			inBatch.put(tube.id(), result);
			checked.set(i, new Checked(i, code, result, null, null));
		}
		List<Stored> stored = new ArrayList<>();
		if (write && !inBatch.isEmpty()) {
			Set<Long> inserted = results.insert(List.copyOf(inBatch.values()), labId, operator, now);
			Map<String, TubeState> after = null;
			for (int i = 0; i < checked.size(); i++) {
				Checked c = checked.get(i);
				if (c.result() == null) {
					continue;
				}
				TubeState tube = tubes.get(c.tubeCode());
				if (inserted.contains(c.result().tubeId())) {
					stored.add(new Stored(tube.id(), tube.code(), tube.roundId(), tube.poolSize(), c.result().outcome()));
					continue;
				}
				// Stored by a concurrent request between our read and our insert.
				if (after == null) {
					after = new HashMap<>();
					for (TubeState t : results.tubes(codes, labId)) {
						after.put(t.code(), t);
					}
				}
				TubeState now2 = after.get(c.tubeCode());
				NewResult theirs = new NewResult(now2.id(), now2.outcome(), now2.ctOrf1ab(), now2.ctN(), now2.testedAt());
				checked.set(i, same(theirs, c.result())
						? new Checked(i, c.tubeCode(), null, "DUPLICATE", Message.of("testing.result.stored-before"))
						: new Checked(i, c.tubeCode(), null, "RESULT_DIFFERS",
								Message.of("testing.result.differs", theirs.outcome())));
			}
		}
		List<ResultAnswer> answers = checked.stream().map(c -> {
			if (c.result() != null) {
				return new ResultAnswer(c.index(), c.tubeCode(), Status.ACCEPTED, null, null);
			}
			if ("DUPLICATE".equals(c.reason())) {
				return new ResultAnswer(c.index(), c.tubeCode(), Status.DUPLICATE, "DUPLICATE", c.message());
			}
			return new ResultAnswer(c.index(), c.tubeCode(), Status.REJECTED, c.reason(), c.message());
		}).toList();
		return new Applied(answers, stored);
	}

	static boolean same(NewResult a, NewResult b) {
		return a.outcome() == b.outcome() && sameNumber(a.ctOrf1ab(), b.ctOrf1ab()) && sameNumber(a.ctN(), b.ctN())
				&& Objects.equals(a.testedAt(), b.testedAt());
	}

	private static boolean sameNumber(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	/** Why an item cannot be a result, or null when it is well formed. */
	public static Message itemError(ResultItem item, Instant now) {
		if (item == null) {
			return Message.of("testing.result.item.empty");
		}
		if (item.tubeCode() == null || item.tubeCode().isBlank()) {
			return Message.of("testing.result.item.tube-code-missing");
		}
		if (!ScanDecisions.CODE.matcher(item.tubeCode().strip()).matches()) {
			return Message.of("testing.result.item.tube-code");
		}
		if (outcome(item.outcome()) == null) {
			return Message.of("testing.result.outcome");
		}
		for (BigDecimal ct : new BigDecimal[] { item.ctOrf1ab(), item.ctN() }) {
			if (ct != null && (ct.signum() < 0 || ct.compareTo(CT_MAX) > 0)) {
				return Message.of("testing.result.ct");
			}
		}
		if (item.testedAt() == null || item.testedAt().isBlank()) {
			return Message.of("testing.result.item.tested-at-missing");
		}
		Instant tested = instant(item.testedAt());
		if (tested == null) {
			return Message.of("testing.result.item.tested-at");
		}
		if (tested.isAfter(now.plusSeconds(600))) {
			return Message.of("testing.result.item.tested-at-future");
		}
		return null;
	}

	/** An outcome from its name, its first letter or its Chinese name (阴性, 阳性, 无效), or null. */
	public static Outcome outcome(String value) {
		if (value == null) {
			return null;
		}
		String v = value.strip().toUpperCase(Locale.ROOT);
		return switch (v) {
			case "NEGATIVE", "NEG", "N", "阴性" -> Outcome.NEGATIVE;
			case "POSITIVE", "POS", "P", "阳性" -> Outcome.POSITIVE;
			case "INVALID", "INV", "I", "无效" -> Outcome.INVALID;
			default -> null;
		};
	}

	static BigDecimal ct(BigDecimal value) {
		return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
	}

	/** An ISO-8601 instant, offset time, or local time in the district's zone; null when unreadable. */
	public static Instant instant(String value) {
		if (value == null || value.length() > 40) {
			return null;
		}
		String v = value.strip();
		try {
			return Instant.parse(v);
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return OffsetDateTime.parse(v).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDateTime.parse(v.replace(' ', 'T')).atZone(DISTRICT_ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
