package org.frontline.enterprise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.frontline.audit.AuditLog;
import org.frontline.enterprise.internal.EnterpriseAccess;
import org.frontline.enterprise.internal.LoopDays;
import org.frontline.enterprise.internal.MemberRepository;
import org.frontline.enterprise.internal.MemberRepository.NewMember;
import org.frontline.enterprise.internal.Sheet;
import org.frontline.people.Address;
import org.frontline.people.Enrolment;
import org.frontline.people.IdType;
import org.frontline.people.PersonForm;
import org.frontline.people.Residents;
import org.frontline.shared.Message;
import org.frontline.shared.Page;
import org.frontline.shared.Problem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.RosterRounds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster of a loop: staff put on it by upload (CSV/XLSX or JSON, every row answered ACCEPTED, DUPLICATE or
 * REJECTED in order, so that sending it again changes nothing) or scanned in at the gate, and taken off when they
 * leave. Whoever enters after the roster closed ({@code frontline.enterprise.roster-open}, 24 hours from the loop's
 * start, or from when it was registered here if that was later), and whoever comes back, needs a negative test
 * sampled within 48 hours. Every movement is kept.
 */
@Service
public class Rosters {

	static final int MAX_ROWS = 20_000;

	static final Duration TEST_VALID = Duration.ofHours(48);

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cs}\\x{FFFD}]");

	private static final Map<String, String> HEADERS = new HashMap<>();

	static {
		for (String[] h : new String[][] { { "personid", "personId" }, { "person id", "personId" },
				{ "name", "name" }, { "姓名", "name" }, { "idtype", "idType" }, { "证件类型", "idType" },
				{ "idnumber", "idNumber" }, { "id number", "idNumber" }, { "证件号码", "idNumber" },
				{ "身份证号", "idNumber" }, { "phone", "phone" }, { "手机", "phone" }, { "手机号", "phone" },
				{ "电话", "phone" }, { "shiftgroup", "shiftGroup" }, { "shift group", "shiftGroup" },
				{ "班组", "shiftGroup" }, { "building", "building" }, { "宿舍楼", "building" }, { "楼栋", "building" },
				{ "room", "room" }, { "房间", "room" }, { "宿舍", "room" }, { "bedding", "bedding" },
				{ "自带被褥", "bedding" } }) {
			HEADERS.put(h[0], h[1]);
		}
	}

	private final Loops loops;

	private final MemberRepository members;

	private final LoopDays days;

	private final Residents residents;

	private final RosterRounds rosterRounds;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration rosterOpen;

	Rosters(Loops loops, MemberRepository members, LoopDays days, Residents residents, RosterRounds rosterRounds,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock,
			@Value("${frontline.enterprise.roster-open:PT24H}") Duration rosterOpen) {
		this.loops = loops;
		this.members = members;
		this.days = days;
		this.residents = residents;
		this.rosterRounds = rosterRounds;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
		this.rosterOpen = rosterOpen;
	}

	/** Puts staff on the roster; every row is answered, in order. */
	@Transactional
	public List<RowAnswer> add(long loopId, List<StaffRow> rows) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		if (rows == null || rows.isEmpty()) {
			throw Problem.invalid("staff", "enterprise.roster.empty");
		}
		if (rows.size() > MAX_ROWS) {
			throw Problem.invalid("staff", "enterprise.file.too-many-rows", MAX_ROWS);
		}
		Loop loop = loops.lockedActive(viewer, loopId);
		List<Integer> numbers = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			numbers.add(i + 1);
		}
		List<RowAnswer> answers = put(viewer, loop, rows, numbers);
		auditLog.record("ROSTER_ADD", "loop", loopId, "rows=%d accepted=%d".formatted(answers.size(),
				answers.stream().filter(a -> a.status() == RowStatus.ACCEPTED).count()));
		return answers;
	}

	/** Puts the staff of an uploaded roster (CSV/XLSX, English or Chinese headers) on it; rows numbered as in the file. */
	@Transactional
	public List<RowAnswer> upload(long loopId, byte[] content) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		Loop loop = loops.lockedActive(viewer, loopId);
		Sheet sheet = Sheet.read(content, HEADERS, MAX_ROWS);
		if (!sheet.has("personId") && !(sheet.has("name") && sheet.has("idNumber"))) {
			throw Problem.invalid("file", "enterprise.file.column-missing", "name, idNumber");
		}
		List<StaffRow> rows = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		List<RowAnswer> unreadable = new ArrayList<>();
		for (Sheet.Line line : sheet.lines()) {
			Long personId = null;
			if (line.get("personId") != null) {
				try {
					personId = Long.valueOf(line.get("personId"));
				}
				catch (NumberFormatException ex) {
					unreadable.add(RowAnswer.rejected(line.number(), "personId", Message.of("enterprise.person.invalid")));
					continue;
				}
			}
			String bedding = line.get("bedding");
			rows.add(new StaffRow(personId, line.get("name"), line.get("idType"), line.get("idNumber"),
					line.get("phone"), line.get("shiftGroup"), line.get("building"), line.get("room"),
					bedding != null && Set.of("yes", "y", "true", "1", "是", "有").contains(bedding.toLowerCase(Locale.ROOT))));
			numbers.add(line.number());
		}
		List<RowAnswer> answers = new ArrayList<>(put(viewer, loop, rows, numbers));
		answers.addAll(unreadable);
		answers.sort((a, b) -> Integer.compare(a.row(), b.row()));
		auditLog.record("ROSTER_UPLOAD", "loop", loopId, "rows=%d accepted=%d".formatted(answers.size(),
				answers.stream().filter(a -> a.status() == RowStatus.ACCEPTED).count()));
		return answers;
	}

	/** A person scanned in at the gate (by their record, or their ID card's name and number). */
	@Transactional
	public RowAnswer enter(long loopId, GateEntry entry) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		Loop loop = loops.lockedActive(viewer, loopId);
		if (entry == null || entry.personId() == null && (entry.idNumber() == null || entry.name() == null)) {
			throw Problem.invalid("personId", "enterprise.gate.who");
		}
		StaffRow row = new StaffRow(entry.personId(), entry.name(), entry.idType(), entry.idNumber(), null,
				entry.shiftGroup(), entry.building(), entry.room(), false);
		RowAnswer answer = put(viewer, loop, List.of(row), List.of(1)).get(0);
		auditLog.record("ROSTER_GATE", "loop", loopId, answer.status() + (answer.id() == null ? "" : " " + answer.id()));
		return answer;
	}

	/** Takes a person off the roster with the reason; the movement is kept. */
	@Transactional
	public Movement leave(long loopId, Leaving leaving) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		Loop loop = loops.lockedActive(viewer, loopId);
		Instant now = clock.instant();
		Problem.Errors errors = new Problem.Errors();
		if (leaving == null || leaving.personId() == null) {
			errors.add("personId", "enterprise.person.missing");
		}
		String reason = leaving == null || leaving.reason() == null ? null : leaving.reason().strip();
		if (reason == null || reason.isEmpty() || reason.length() > 200 || CONTROL.matcher(reason).find()) {
			errors.add("reason", "enterprise.leave.reason-invalid", 200);
		}
		Instant at = leaving == null || leaving.at() == null ? now : leaving.at();
		if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(loop.startsAt())) {
			errors.add("at", "enterprise.leave.at-invalid");
		}
		errors.throwIfAny();
		return leave(viewer.username(), loop, leaving.personId(), reason, at)
			.orElseThrow(() -> Problem.notFound("enterprise.roster.not-in-loop", leaving.personId()));
	}

	java.util.Optional<Movement> leave(String by, Loop loop, long personId, String reason, Instant at) {
		if (!members.leave(loop.id(), personId, reason, at, by)) {
			return java.util.Optional.empty();
		}
		days.left(loop, List.of(personId));
		auditLog.record("ROSTER_LEAVE", "loop", loop.id(), personId + " " + reason);
		headcountChanged(loop);
		return members.movements(loop.id(), 1).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public Page<Member> members(long loopId, String shiftGroup, int page, int size) {
		Loop loop = loops.visible(Viewers.requireAny(EnterpriseAccess.READERS), loopId);
		int limit = Math.max(1, Math.min(size <= 0 ? 100 : size, 1000));
		String group = shiftGroup == null || shiftGroup.isBlank() ? null : shiftGroup.strip();
		return new Page<>(members.members(loop.id(), group, limit, (long) Math.max(0, page) * limit),
				members.count(loop.id(), group));
	}

	@Transactional(readOnly = true)
	public List<String> shiftGroups(long loopId) {
		Loop loop = loops.visible(Viewers.requireAny(EnterpriseAccess.READERS), loopId);
		return members.shiftGroups(loop.id());
	}

	/** The latest movements in and out of a loop, newest first. */
	@Transactional(readOnly = true)
	public List<Movement> movements(long loopId, int limit) {
		Loop loop = loops.visible(Viewers.requireAny(EnterpriseAccess.READERS), loopId);
		return members.movements(loop.id(), Math.max(1, Math.min(limit, 1000)));
	}

	private List<RowAnswer> put(Viewer viewer, Loop loop, List<StaffRow> rows, List<Integer> numbers) {
		int n = rows.size();
		RowAnswer[] answers = new RowAnswer[n];
		Long[] person = new Long[n];
		List<Integer> byDocument = new ArrayList<>();
		List<PersonForm> forms = new ArrayList<>();
		Set<Long> byId = new HashSet<>();
		for (int i = 0; i < n; i++) {
			StaffRow row = rows.get(i);
			int number = numbers.get(i);
			if (row == null) {
				answers[i] = RowAnswer.rejected(number, "staff", Message.of("enterprise.roster.row-missing"));
				continue;
			}
			String wrong = firstWrongPart(row);
			if (wrong != null) {
				answers[i] = RowAnswer.rejected(number, wrong, Message.of("enterprise.roster.part-invalid", 20));
				continue;
			}
			if (row.personId() != null) {
				person[i] = row.personId();
				byId.add(row.personId());
				continue;
			}
			IdType type;
			try {
				type = row.idType() == null || row.idType().isBlank() ? IdType.RESIDENT_ID
						: IdType.valueOf(row.idType().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				answers[i] = RowAnswer.rejected(number, "idType", Message.of("enterprise.id-type.invalid"));
				continue;
			}
			byDocument.add(i);
			forms.add(new PersonForm(row.name(), type, row.idNumber(), row.phone(), loop.area(),
					new Address(trim(row.building()), null, trim(row.room())), List.of()));
		}
		Set<Long> known = members.existing(byId);
		for (int i = 0; i < n; i++) {
			if (answers[i] == null && rows.get(i).personId() != null && !known.contains(person[i])) {
				answers[i] = RowAnswer.rejected(numbers.get(i), "personId",
						Message.of("enterprise.person.not-found", person[i]));
				person[i] = null;
			}
		}
		List<Enrolment> enrolled = forms.isEmpty() ? List.of() : residents.enrol(forms);
		for (int k = 0; k < byDocument.size(); k++) {
			int i = byDocument.get(k);
			Enrolment e = enrolled.get(k);
			if (e.accepted()) {
				person[i] = e.personId();
			}
			else {
				Problem.FieldError first = e.errors().get(0);
				answers[i] = RowAnswer.rejected(numbers.get(i), first.field(), first.message());
			}
		}
		Set<Long> candidates = new HashSet<>();
		for (int i = 0; i < n; i++) {
			if (answers[i] == null) {
				candidates.add(person[i]);
			}
		}
		MemberRepository.Standing standing = members.standing(loop.id(), candidates);
		Map<Long, String> elsewhere = members.inOtherLoops(loop.id(), candidates);
		Instant now = clock.instant();
		Instant opened = loop.startsAt().isAfter(loop.registeredAt()) ? loop.startsAt() : loop.registeredAt();
		boolean rosterClosed = !now.isBefore(opened.plus(rosterOpen));
		Set<Long> needTest = new HashSet<>();
		for (Long p : candidates) {
			if (rosterClosed || standing.left().contains(p)) {
				needTest.add(p);
			}
		}
		Map<Long, Instant> negatives = rosterRounds.negativeSince(needTest, now.minus(TEST_VALID));
		Map<Long, Integer> firstRow = new HashMap<>();
		List<NewMember> added = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (answers[i] != null) {
				continue;
			}
			long p = person[i];
			int number = numbers.get(i);
			Integer first = firstRow.putIfAbsent(p, number);
			if (first != null) {
				answers[i] = RowAnswer.duplicate(number, p, "enterprise.roster.same-person", first);
			}
			else if (standing.in().contains(p)) {
				answers[i] = RowAnswer.duplicate(number, p, "enterprise.roster.already-in");
			}
			else if (elsewhere.containsKey(p)) {
				answers[i] = RowAnswer.rejected(number, "personId",
						Message.of("enterprise.roster.other-loop", elsewhere.get(p)));
			}
			else if (needTest.contains(p) && !negatives.containsKey(p)) {
				answers[i] = RowAnswer.rejected(number, "personId", Message.of("enterprise.roster.no-negative-test", 48));
			}
			else {
				StaffRow row = rows.get(i);
				boolean test = needTest.contains(p);
				added.add(new NewMember(p, trim(row.shiftGroup()), trim(row.building()), trim(row.room()),
						Boolean.TRUE.equals(row.bedding()), test ? MovementKind.ENTERED : MovementKind.JOINED,
						test ? negatives.get(p) : null));
				answers[i] = RowAnswer.accepted(number, p);
			}
		}
		members.add(loop.id(), added, now, viewer.username());
		if (!added.isEmpty()) {
			days.joined(loop, added.stream().map(NewMember::personId).toList());
			headcountChanged(loop);
		}
		return List.of(answers);
	}

	/** Publishes the loop's headcount as it stands (the caller holds the loop's lock, so these come in order). */
	private void headcountChanged(Loop loop) {
		events.publishEvent(new LoopHeadcountChanged(loop.id(), loop.enterpriseId(), loop.area(),
				members.headcount(loop.id()).inLoop(), clock.instant()));
	}

	private static String firstWrongPart(StaffRow row) {
		if (wrong(row.shiftGroup())) {
			return "shiftGroup";
		}
		if (wrong(row.building())) {
			return "building";
		}
		if (wrong(row.room())) {
			return "room";
		}
		return null;
	}

	private static boolean wrong(String value) {
		return value != null && (value.strip().length() > 20 || CONTROL.matcher(value).find());
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
