package org.frontline.supplies.internal;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontline.shared.AlertSeverity;
import org.frontline.supplies.Item;
import org.frontline.supplies.MovementResult;
import org.frontline.supplies.MovementStatus;
import org.frontline.supplies.MovementType;
import org.frontline.supplies.Norm;
import org.frontline.supplies.NormBasis;
import org.frontline.supplies.Place;
import org.frontline.supplies.PlaceInfo;
import org.frontline.supplies.internal.LedgerWriter.Plan;
import org.frontline.supplies.internal.LedgerWriter.StockKey;
import org.frontline.supplies.internal.SuppliesAlerts.Condition;
import org.frontline.workforce.PostKind;
import org.frontline.workforce.ShiftRole;
import org.frontline.workforce.WorkerCheckedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sampler's check-in at a post (from the workforce module) takes one protective set, the SAMPLER_SHIFT norms, from
 * the post's stock. The set is recorded per check-in and item before anything is issued, and each issue's client id
 * follows from what was issued before, so a redelivered check-in takes nothing more. What the post's stock cannot
 * give stays owed until it can (the periodic check takes it then), and each post and item owed has an alert of its
 * own until then: a sampler without a protective set cannot start the shift.
 */
@Component
public class CheckInSets {

	static final String BY = "check-in";

	/** The key prefix of the alert for a post's item that samplers' check-ins are owed. */
	static final String SHORT = "check-in-short:";

	private static final Logger log = LoggerFactory.getLogger(CheckInSets.class);

	private final NormRepository norms;

	private final ItemRepository items;

	private final PlaceDirectory places;

	private final LedgerWriter writer;

	private final JdbcClient jdbc;

	private final SuppliesAlerts alerts;

	CheckInSets(NormRepository norms, ItemRepository items, PlaceDirectory places, LedgerWriter writer,
			JdbcClient jdbc, SuppliesAlerts alerts) {
		this.norms = norms;
		this.items = items;
		this.places = places;
		this.writer = writer;
		this.jdbc = jdbc;
		this.alerts = alerts;
	}

	@ApplicationModuleListener
	void on(WorkerCheckedIn checkIn) {
		if (checkIn.role() != ShiftRole.SAMPLER || checkIn.postKind() == PostKind.COMMAND) {
			return;
		}
		Optional<PlaceInfo> post = Place.parse(checkIn.postKind().name() + ":" + checkIn.postRef()).flatMap(places::find);
		if (post.isEmpty()) {
			log.warn("Check-in {} at {}:{}: no such place holds stock; no protective set taken", checkIn.assignmentId(),
					checkIn.postKind(), checkIn.postRef());
			return;
		}
		List<Norm> set = norms.of(NormBasis.SAMPLER_SHIFT);
		if (set.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO supplies_check_in_set (assignment_id, item_code, place, wanted, checked_in_at)
				SELECT :assignment, i, :place, q, :at FROM unnest(:items::text[], :quantities::bigint[]) AS x (i, q)
				ORDER BY i
				ON CONFLICT (assignment_id, item_code) DO NOTHING
				""")
			.param("assignment", checkIn.assignmentId())
			.param("place", post.get().code())
			.param("at", Timestamp.from(checkIn.at()))
			.param("items", set.stream().map(Norm::item).toArray(String[]::new))
			.param("quantities", set.stream()
				.map(norm -> norm.quantity().setScale(0, RoundingMode.CEILING).longValueExact())
				.toArray(Long[]::new))
			.update();
		take(List.of(checkIn.assignmentId()));
		alertShortages();
	}

	/** Issues what earlier check-ins still owe, as far as their posts' stock now gives; the number of units issued. */
	@Transactional
	public long takeOwed() {
		long taken = take(jdbc.sql("""
				SELECT DISTINCT assignment_id FROM supplies_check_in_set WHERE issued < wanted ORDER BY 1 LIMIT 1000
				""").query(Long.class).list());
		alertShortages();
		return taken;
	}

	/** Makes the check-in shortage alerts exactly the posts and items that check-ins are still owed. */
	private void alertShortages() {
		// Check-ins at different posts end here concurrently; one at a time, so that each sees the alerts raised.
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('supplies-check-in-short'))").query().listOfRows();
		Map<String, Item> catalogue = new java.util.HashMap<>();
		items.all().forEach(item -> catalogue.put(item.code(), item));
		List<Condition> owed = new ArrayList<>();
		jdbc.sql("""
				SELECT place, item_code, sum(wanted - issued) AS owed, count(*) AS check_ins FROM supplies_check_in_set
				WHERE issued < wanted GROUP BY place, item_code ORDER BY place, item_code
				""").query(rs -> {
			Optional<PlaceInfo> post = Place.parse(rs.getString("place")).flatMap(places::find);
			Item item = catalogue.get(rs.getString("item_code"));
			if (post.isEmpty() || item == null) {
				return;
			}
			owed.add(new Condition(SHORT + post.get().code() + ":" + item.code(), AlertSeverity.URGENT,
					post.get().area(), "supplies.alert.check-in-short",
					List.of(post.get().name() != null ? post.get().name() : post.get().code(), item.name(),
							Long.toString(rs.getLong("owed")), Long.toString(rs.getLong("check_ins"))),
					"/supplies?place=" + post.get().code(), null));
		});
		alerts.reconcile(SHORT, owed);
	}

	private long take(List<Long> assignments) {
		if (assignments.isEmpty()) {
			return 0;
		}
		Map<String, Item> catalogue = new java.util.HashMap<>();
		items.all().forEach(item -> catalogue.put(item.code(), item));
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT assignment_id, item_code, place, wanted, issued FROM supplies_check_in_set
				WHERE assignment_id = ANY (:assignments) AND issued < wanted
				ORDER BY assignment_id, item_code FOR UPDATE
				""").param("assignments", assignments.toArray(Long[]::new)).query().listOfRows();
		// Each item is issued by a call of its own: the stock of all of them is locked first, in one call.
		writer.lock(rows.stream().map(row -> new StockKey((String) row.get("place"), (String) row.get("item_code")))
			.toList());
		long total = 0;
		for (Map<String, Object> row : rows) {
			long assignment = ((Number) row.get("assignment_id")).longValue();
			String code = (String) row.get("item_code");
			Item item = catalogue.get(code);
			Optional<PlaceInfo> post = Place.parse((String) row.get("place")).flatMap(places::find);
			if (item == null || post.isEmpty()) {
				continue;
			}
			long issuedBefore = ((Number) row.get("issued")).longValue();
			long issued = issue(post.get(), item, ((Number) row.get("wanted")).longValue() - issuedBefore, issuedBefore,
					assignment);
			if (issued > 0) {
				jdbc.sql("""
						UPDATE supplies_check_in_set SET issued = issued + :n WHERE assignment_id = :a AND item_code = :i
						""").param("n", issued).param("a", assignment).param("i", code).update();
				total += issued;
			}
		}
		return total;
	}

	/** Issues up to {@code owed} of an item at the post (as much as its usable stock gives); how many it issued. */
	private long issue(PlaceInfo post, Item item, long owed, long issuedBefore, long assignment) {
		long wanted = owed;
		for (int attempt = 0; attempt < 2 && wanted > 0; attempt++) {
			UUID clientId = UUID.nameUUIDFromBytes(("supplies-check-in:%d:%s:%d:%d"
				.formatted(assignment, item.code(), issuedBefore, wanted)).getBytes(StandardCharsets.UTF_8));
			MovementResult result = writer.apply(List.of(new Plan(clientId, MovementType.ISSUE, item, wanted, post,
					null, null, null, "check-in " + assignment, null, null, null, null)), BY).get(0);
			if (result.status() != MovementStatus.REJECTED) {
				return result.status() == MovementStatus.ACCEPTED ? wanted : 0;
			}
			wanted = result.available() == null ? 0 : Math.min(result.available(), owed);
		}
		return 0;
	}
}
