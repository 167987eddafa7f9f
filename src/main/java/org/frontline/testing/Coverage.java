package org.frontline.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.frontline.area.Area;
import org.frontline.area.AreaNode;
import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.people.Residents;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Page;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.internal.AreaOutcomeQueries;
import org.frontline.testing.internal.CoverageRepository;
import org.frontline.testing.internal.RosterRepository;
import org.frontline.testing.internal.CoverageRepository.Counts;
import org.frontline.testing.internal.Dorfman;
import org.frontline.testing.internal.RoundRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has been sampled in a round: coverage of any area rolled up the hierarchy, exemptions counted apart, the
 * not-yet-tested list for door-to-door work (bedridden people first) and its export, and pool size advice.
 */
@Service
public class Coverage {

	static final Role[] READERS = { Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER };

	/** Why a resident is counted apart in a round. */
	public enum ExemptionReason {
		AWAY, HOSPITALIZED, IN_QUARANTINE, DECEASED
	}

	static final int[] POOL_SIZES = { 1, 5, 10, 20 };

	private final CoverageRepository repository;

	private final RosterRepository rosters;

	private final Rounds rounds;

	private final Areas areas;

	private final Residents residents;

	private final AuditLog auditLog;

	private final Clock clock;

	private final MessageSource messages;

	private final RoundRepository roundRepository;

	private final AreaOutcomeQueries outcomeQueries;

	Coverage(CoverageRepository repository, RosterRepository rosters, Rounds rounds, Areas areas, Residents residents,
			AuditLog auditLog, Clock clock, MessageSource messages, RoundRepository roundRepository,
			AreaOutcomeQueries outcomeQueries) {
		this.rosters = rosters;
		this.messages = messages;
		this.roundRepository = roundRepository;
		this.outcomeQueries = outcomeQueries;
		this.repository = repository;
		this.rounds = rounds;
		this.areas = areas;
		this.residents = residents;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Coverage of an area (the viewer's scope when none is given) and of every area under it. */
	@Transactional(readOnly = true)
	public CoverageFigures coverage(long roundId, String area) {
		Viewer viewer = Viewers.requireAny(READERS);
		Round round = rounds.get(roundId);
		Area root = area(viewer, area);
		Map<String, Counts> byCode = new HashMap<>();
		for (String[] range : ranges(round, root.code())) {
			byCode.putAll(repository.countsByArea(roundId, range[0], range[1]));
		}
		return rollUp(areas.subtree(root), byCode);
	}

	private CoverageFigures rollUp(AreaNode node, Map<String, Counts> byCode) {
		List<CoverageFigures> children = new ArrayList<>();
		Counts total = byCode.getOrDefault(node.code(), new Counts(0, 0, 0));
		for (AreaNode child : node.children()) {
			CoverageFigures figures = rollUp(child, byCode);
			children.add(figures);
			total = total.plus(new Counts(figures.inScope(), figures.sampled(), figures.exempted()));
		}
		long notSampled = total.inScope() - total.sampled() - total.exempted();
		long base = total.inScope() - total.exempted();
		double percent = base <= 0 ? 0 : Math.round(1000.0 * total.sampled() / base) / 10.0;
		return new CoverageFigures(node.code(), node.name(), node.level().name(), total.inScope(), total.sampled(),
				notSampled, total.exempted(), percent, children);
	}

	/**
	 * The rounds (opened or closed) over the whole of an area that began at or after {@code since}, newest first: for
	 * other modules' rules (a control zone's negative full round). No viewer is needed.
	 */
	@Transactional(readOnly = true)
	public List<Round> roundsOver(String area, Instant since) {
		return roundRepository.all()
			.stream()
			.filter(r -> !r.startsAt().isBefore(since) && r.status() != RoundStatus.PLANNED)
			.filter(r -> r.areas().stream().anyMatch(a -> AreaCodes.contains(a, area)))
			.toList();
	}

	/**
	 * How the residents of an area (or of some buildings of a compound) fared in a round: counts only, for other
	 * modules' rules; no viewer is needed.
	 */
	@Transactional(readOnly = true)
	public AreaRoundOutcome outcome(Round round, String area, List<String> buildings) {
		String prefix = AreaCodes.prefix(area);
		return outcomeQueries.outcome(round, prefix, AreaCodes.upperBound(prefix),
				buildings == null ? List.of() : buildings);
	}

	/** Residents of an area not sampled in the round and not exempted: bedridden first, then by address. */
	@Transactional(readOnly = true)
	public Page<MissingPerson> missing(long roundId, String area, int page, int size) {
		Viewer viewer = Viewers.requireAny(READERS);
		Round round = rounds.get(roundId);
		Area root = area(viewer, area);
		int limit = Math.max(1, Math.min(size <= 0 ? 50 : size, 500));
		long offset = (long) Math.max(0, page) * limit;
		if (rosters.isRoster(roundId)) {
			// A roster round covers its members, wherever they are registered.
			return new Page<>(rosters.missing(roundId, limit, offset), rosters.missingCount(roundId));
		}
		List<MissingPerson> items = new ArrayList<>();
		long total = 0;
		for (String[] range : ranges(round, root.code())) {
			long count = repository.missingCount(roundId, range[0], range[1]);
			if (items.size() < limit && offset < total + count) {
				items.addAll(repository.missing(roundId, range[0], range[1], limit - items.size(),
						Math.max(0, offset - total)));
			}
			total += count;
		}
		return new Page<>(items, total);
	}

	/** The not-yet-tested list as CSV (UTF-8 with BOM for spreadsheet programs); the export is audited. */
	@Transactional
	public String missingCsv(long roundId, String area) {
		Viewer viewer = Viewers.requireAny(READERS);
		Round round = rounds.get(roundId);
		Area root = area(viewer, area);
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		long rows = 0;
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
			Map<String, String> names = new HashMap<>();
			areas.inside(root.code()).forEach(a -> names.put(a.code(), a.name()));
			Locale locale = LocaleContextHolder.getLocale();
			csv.printRecord("姓名", "小区", "楼栋", "单元", "房间", "电话", "标签");
			for (String[] range : ranges(round, root.code())) {
				for (MissingPerson p : repository.missing(roundId, range[0], range[1], 100_000, 0)) {
					String tags = p.tags().stream()
						.map(t -> messages.getMessage("enum.Tag." + t, null, t, locale))
						.collect(Collectors.joining(" "));
					csv.printRecord(cell(p.name()), cell(names.getOrDefault(p.area(), p.area())), cell(p.building()),
							cell(p.unit()), cell(p.room()), cell(p.phone()), cell(tags));
					rows++;
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		auditLog.record("MISSING_EXPORT", "round", roundId, root.code() + " rows=" + rows);
		return out.toString();
	}

	/** A cell a spreadsheet program would read as a formula gets a leading apostrophe. */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	/** Counts a resident apart in a round with a reason (away, hospitalized, in quarantine, deceased). */
	@Transactional
	public void exempt(long roundId, long personId, String reason) {
		Viewer viewer = Viewers.requireAny(READERS);
		rounds.get(roundId);
		ExemptionReason why;
		try {
			why = ExemptionReason.valueOf(reason == null ? "" : reason.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalid("reason", "testing.exemption.reason");
		}
		residents.summary(personId);
		repository.exempt(roundId, personId, why.name(), viewer.username(), clock.instant());
		auditLog.record("EXEMPTION_SET", "person", personId, "round " + roundId + ": " + why);
	}

	@Transactional
	public void unexempt(long roundId, long personId) {
		Viewers.requireAny(READERS);
		rounds.get(roundId);
		residents.summary(personId);
		if (repository.unexempt(roundId, personId)) {
			auditLog.record("EXEMPTION_REMOVE", "person", personId, "round " + roundId);
		}
	}

	/**
	 * Expected tests per person for pools of 1, 5, 10 and 20 at the prevalence of the latest rounds in the area (or
	 * the given one), and the cheapest of them.
	 */
	@Transactional(readOnly = true)
	public PoolAdvice poolAdvice(long roundId, String area, Double prevalence) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER);
		rounds.get(roundId);
		Area root = area(viewer, area);
		String prefix = AreaCodes.prefix(root.code());
		CoverageRepository.Positivity positivity = repository.positivity(prefix, AreaCodes.upperBound(prefix), 3);
		double p;
		String source;
		if (prevalence != null) {
			if (prevalence.isNaN() || prevalence < 0 || prevalence > 0.5) {
				throw Problem.invalid("prevalence", "testing.prevalence");
			}
			p = prevalence;
			source = "GIVEN";
		}
		else {
			p = Dorfman.prevalenceFromPools(positivity.tubes(), positivity.positiveTubes(), positivity.meanMembers());
			source = positivity.tubes() == 0 ? "NO_DATA" : "RECENT_ROUNDS";
		}
		List<PoolAdvice.Option> options = new ArrayList<>();
		int cheapest = 1;
		for (int k : POOL_SIZES) {
			double tests = Dorfman.testsPerPerson(k, p);
			options.add(new PoolAdvice.Option(k, Math.round(tests * 10_000) / 10_000.0));
			if (tests < Dorfman.testsPerPerson(cheapest, p)) {
				cheapest = k;
			}
		}
		return new PoolAdvice(root.code(), Math.round(p * 1_000_000) / 1_000_000.0, source, positivity.tubes(),
				positivity.positiveTubes(), positivity.rounds(), options, cheapest, Dorfman.optimum(p, 50),
				List.of("DORFMAN_TWO_STAGE", "INDEPENDENT_INFECTIONS", "PERFECT_TEST", "NO_DILUTION_LOSS",
						"PREVALENCE_FROM_POSITIVE_POOLS"));
	}

	private Area area(Viewer viewer, String area) {
		String code = area == null || area.isBlank() ? viewer.scopeArea() : area.strip();
		if (!AreaCodes.wellFormed(code)) {
			throw Problem.invalid("area", "area.malformed");
		}
		return areas.visible(viewer, code);
	}

	/** The code ranges where the round's areas and the asked area overlap (areas nest, so each is one of the two). */
	private static List<String[]> ranges(Round round, String area) {
		List<String[]> ranges = new ArrayList<>();
		for (String roundArea : round.areas()) {
			String inner = AreaCodes.contains(roundArea, area) ? area : AreaCodes.contains(area, roundArea) ? roundArea : null;
			if (inner != null) {
				String prefix = AreaCodes.prefix(inner);
				ranges.add(new String[] { prefix, AreaCodes.upperBound(prefix) });
			}
		}
		return ranges;
	}
}
