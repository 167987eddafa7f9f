package org.frontline.supplies.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontline.supplies.Item;
import org.frontline.supplies.MovementResult;
import org.frontline.supplies.MovementStatus;
import org.frontline.supplies.MovementType;
import org.frontline.supplies.Place;
import org.frontline.supplies.PlaceInfo;
import org.frontline.supplies.PlaceKind;
import org.frontline.supplies.internal.LedgerWriter.Plan;
import org.frontline.supplies.internal.LedgerWriter.StockKey;
import org.frontline.testing.SamplingOutlook;
import org.frontline.testing.SamplingOutlook.TubesOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the tubes and swabs that sampling used out of each site's stock, from the tubes the testing module counts
 * per round, site and pool size (a tube opened with pool size n uses one tube and n swabs). The count is what the
 * scans already wrote, so a replayed scan changes nothing; each run issues only the difference to what was taken
 * before, in the transaction that records what was taken. What a site's stock cannot give stays owed until it can.
 */
@Component
public class TubeUse {

	static final String BY = "tube-use";

	private static final Logger log = LoggerFactory.getLogger(TubeUse.class);

	/** Closed rounds are still counted this long, for the last tubes of a round. */
	private static final Duration CLOSED_WITHIN = Duration.ofDays(2);

	private final SamplingOutlook outlook;

	private final LedgerWriter writer;

	private final ItemRepository items;

	private final PlaceDirectory places;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	TubeUse(SamplingOutlook outlook, LedgerWriter writer, ItemRepository items, PlaceDirectory places, JdbcClient jdbc,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.outlook = outlook;
		this.writer = writer;
		this.items = items;
		this.places = places;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Issues what sampling used since the last run; the number of tubes and swabs taken. Each round, site and pool
	 * size is taken in a transaction of its own, so a keeper's receipt at a site waits for one site's issue, not for
	 * the whole district's, and a row that loses a deadlock is taken on the next run.
	 */
	public long take() {
		List<TubesOpened> opened = outlook.tubesOpened(clock.instant(), CLOSED_WITHIN);
		if (opened.isEmpty()) {
			return 0;
		}
		transactions.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO supplies_tube_use AS u (round_id, site_id, pool_size, counted)
				SELECT * FROM unnest(:r::bigint[], :s::bigint[], :p::int[], :c::bigint[])
				ORDER BY 1, 2, 3
				ON CONFLICT (round_id, site_id, pool_size) DO UPDATE SET counted = greatest(u.counted, excluded.counted)
				""")
			.param("r", opened.stream().map(TubesOpened::roundId).toArray(Long[]::new))
			.param("s", opened.stream().map(TubesOpened::siteId).toArray(Long[]::new))
			.param("p", opened.stream().map(TubesOpened::poolSize).toArray(Integer[]::new))
			.param("c", opened.stream().map(TubesOpened::tubes).toArray(Long[]::new))
			.update());
		Map<String, Item> catalogue = new HashMap<>();
		items.all().forEach(item -> catalogue.put(item.code(), item));
		long total = 0;
		for (Owed row : owed(null)) {
			try {
				Long taken = transactions.execute(status -> owed(row).stream()
					.mapToLong(locked -> take(locked, catalogue))
					.sum());
				total += taken == null ? 0 : taken;
			}
			catch (PessimisticLockingFailureException lost) {
				log.info("Tube use of round {} at site {} waits for the next run: {}", row.round(), row.site(),
						lost.getMessage());
			}
		}
		return total;
	}

	/** A round, site and pool size with tubes or swabs still owed, and whether the site's usable stock holds each. */
	private record Owed(long round, long site, int pool, long counted, long tubesTaken, long swabsTaken,
			boolean tubesHere, boolean swabsHere) {
	}

	/**
	 * What is owed where the site's usable stock can give it now (an owed tube at a site without any would be refused
	 * on every run, and a district whose sites ran out owes thousands): every such row, or the one row of {@code key}
	 * locked for its transaction.
	 */
	private List<Owed> owed(Owed key) {
		return jdbc.sql("""
				WITH usable AS (
				    SELECT DISTINCT place, item_code FROM supplies_stock
				    WHERE place LIKE :site || '%' AND quantity > 0 AND (expires_on IS NULL OR expires_on >= :today)
				)
				SELECT u.round_id, u.site_id, u.pool_size, u.counted, u.tubes_taken, u.swabs_taken,
				       t.place IS NOT NULL AS tubes_here, w.place IS NOT NULL AS swabs_here
				FROM supplies_tube_use u
				LEFT JOIN usable t ON t.place = :site || u.site_id AND t.item_code = :tube || u.pool_size
				LEFT JOIN usable w ON w.place = :site || u.site_id AND w.item_code = :swab
				WHERE ((u.counted > u.tubes_taken AND t.place IS NOT NULL)
				       OR (u.counted * u.pool_size > u.swabs_taken AND w.place IS NOT NULL))
				  AND (:one = false OR (u.round_id = :r AND u.site_id = :s AND u.pool_size = :p))
				ORDER BY u.round_id, u.site_id, u.pool_size
				""" + (key == null ? "" : " FOR UPDATE OF u"))
			.param("site", PlaceKind.SITE.name() + ":")
			.param("tube", TubeItems.TUBE_PREFIX)
			.param("swab", TubeItems.SWAB)
			.param("today", LocalDate.now(clock))
			.param("one", key != null)
			.param("r", key == null ? 0L : key.round())
			.param("s", key == null ? 0L : key.site())
			.param("p", key == null ? 0 : key.pool())
			.query((rs, n) -> new Owed(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getBoolean(7), rs.getBoolean(8)))
			.list();
	}

	/** Issues what one locked row owes; how many tubes and swabs it took. */
	private long take(Owed row, Map<String, Item> catalogue) {
		Optional<PlaceInfo> place = places.find(Place.of(PlaceKind.SITE, row.site()));
		Item tube = catalogue.get(TubeItems.tube(row.pool()));
		Item swab = catalogue.get(TubeItems.SWAB);
		if (place.isEmpty() || tube == null || swab == null) {
			return 0;
		}
		// Tubes and swabs are issued by a call each: the stock of both is locked first, in one call.
		String site = place.get().code();
		writer.lock(List.of(new StockKey(site, tube.code()), new StockKey(site, swab.code())));
		long tubes = row.tubesHere()
				? issue(place.get(), tube, row.counted() - row.tubesTaken(), row.tubesTaken(), row.round(), row.pool()) : 0;
		long swabs = row.swabsHere() ? issue(place.get(), swab, row.counted() * row.pool() - row.swabsTaken(),
				row.swabsTaken(), row.round(), row.pool()) : 0;
		if (tubes > 0 || swabs > 0) {
			jdbc.sql("""
					UPDATE supplies_tube_use SET tubes_taken = tubes_taken + :t, swabs_taken = swabs_taken + :w
					WHERE round_id = :r AND site_id = :s AND pool_size = :p
					""")
				.param("t", tubes).param("w", swabs).param("r", row.round()).param("s", row.site())
				.param("p", row.pool())
				.update();
		}
		return tubes + swabs;
	}

	/** Issues up to {@code owed} of an item at the site (as much as its usable stock gives); how many it issued. */
	private long issue(PlaceInfo site, Item item, long owed, long takenBefore, long round, int pool) {
		if (owed <= 0) {
			return 0;
		}
		long wanted = owed;
		for (int attempt = 0; attempt < 2 && wanted > 0; attempt++) {
			UUID clientId = UUID.nameUUIDFromBytes(("supplies-tube-use:%d:%s:%d:%s:%d:%d"
				.formatted(round, site.code(), pool, item.code(), takenBefore, wanted)).getBytes(StandardCharsets.UTF_8));
			List<MovementResult> results = writer.apply(List.of(new Plan(clientId, MovementType.ISSUE, item, wanted, site,
					null, null, null, "sampling round " + round, null, null, null, null)), BY);
			MovementResult result = results.get(0);
			if (result.status() != MovementStatus.REJECTED) {
				return result.status() == MovementStatus.ACCEPTED ? wanted : 0;
			}
			wanted = result.available() == null ? 0 : Math.min(result.available(), owed);
		}
		return 0;
	}

}
