package org.frontline.supplies.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.supplies.CoverOfDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Days of cover at the end of a past day, read from the ledger: today's stock less what was written since, over the use
 * of the days before.
 */
@Repository
public class DayEndCoverRepository {

	private final JdbcClient jdbc;

	DayEndCoverRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Days of cover of each place and item inside [:low, :high) at :at that had use in [:useFrom, :day): lines. */
	private static final String COVER_AT = """
				WITH places AS (
				  SELECT place, area_code FROM supplies_place WHERE area_code >= :low AND area_code < :high
				), later AS (
				  SELECT m.from_place AS place, m.item_code, m.lot, m.quantity::bigint AS q FROM supplies_movement m
				  WHERE m.at > :at AND m.from_place IS NOT NULL
				  UNION ALL
				  SELECT m.to_place, m.item_code, m.lot, -m.quantity FROM supplies_movement m
				  WHERE m.at > :at AND m.to_place IS NOT NULL AND m.type <> 'TRANSFER'
				  UNION ALL
				  SELECT m.to_place, m.item_code, m.lot, -c.received FROM supplies_receipt c
				  JOIN supplies_movement m ON m.id = c.movement_id WHERE c.at > :at
				), lots AS (
				  SELECT s.place, s.item_code, s.lot, max(s.expires_on) AS expires_on, sum(s.quantity) AS quantity FROM (
				    SELECT s.place, s.item_code, s.lot, s.expires_on, s.quantity FROM supplies_stock s JOIN places p USING (place)
				    UNION ALL
				    SELECT l.place, l.item_code, l.lot, NULL, l.q FROM later l JOIN places p USING (place)) AS s
				  GROUP BY s.place, s.item_code, s.lot
				), usable AS (
				  SELECT place, item_code, sum(quantity) FILTER (WHERE expires_on IS NULL OR expires_on >= :day) AS usable
				  FROM lots GROUP BY place, item_code
				), used AS (
				  SELECT place, item_code, sum(q) AS q FROM (
				    SELECT u.place, u.item_code, u.quantity AS q FROM supplies_use_day u JOIN places p USING (place)
				    WHERE u.day >= :useFrom AND u.day < :day
				    UNION ALL
				    SELECT o.from_place, o.item_code, o.quantity FROM supplies_movement r
				    JOIN supplies_movement o ON o.id = r.reverses JOIN places p ON p.place = o.from_place
				    WHERE r.at > :at AND o.type IN ('ISSUE', 'TRANSFER') AND o.at >= :useStart AND o.at < :dayStart) AS u
				  GROUP BY place, item_code HAVING sum(q) > 0
				), lines AS (
				  SELECT p.area_code, x.place, x.item_code, coalesce(s.usable, 0) AS usable,
				         coalesce(s.usable, 0)::float8 / (x.q::float8 / :history) AS days
				  FROM used x JOIN places p USING (place) LEFT JOIN usable s USING (place, item_code)
				)
				""";

	/**
	 * Days of cover per area of the places inside [low, high) at {@code at}, on the use of the days [useFrom, day):
	 * today's stock less what the ledger wrote after {@code at} (lots expired before {@code day} are not usable), over
	 * the average use of those days as it stood at {@code at} (a reversal written later still counts the use it
	 * reversed); places and items without use in those days have no days of cover.
	 */
	public List<CoverOfDay> coverAt(String low, String high, Instant at, LocalDate useFrom, LocalDate day, ZoneId zone,
			int historyDays, double threshold) {
		return jdbc.sql(COVER_AT + """
				SELECT area_code, min(days), count(*) FILTER (WHERE days < :threshold) FROM lines
				GROUP BY area_code ORDER BY area_code
				""")
			.params(coverAtParams(low, high, at, useFrom, day, zone, historyDays, threshold))
			.query((rs, n) -> new CoverOfDay(rs.getString(1), rs.getDouble(2), rs.getLong(3)))
			.list();
	}

	/** The least covered places and items inside [low, high) at {@code at}, as {@link #coverAt} reads them. */
	public List<CoverRow> leastCoveredAt(String low, String high, Instant at, LocalDate useFrom, LocalDate day,
			ZoneId zone, int historyDays, int limit) {
		Map<String, Object> params = coverAtParams(low, high, at, useFrom, day, zone, historyDays, 0);
		params.put("limit", limit);
		return jdbc.sql(COVER_AT + """
				SELECT place, item_code, usable, days FROM lines ORDER BY days, place, item_code LIMIT :limit
				""")
			.params(params)
			.query((rs, n) -> new CoverRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4)))
			.list();
	}

	/** A place and item's usable stock and days of cover. */
	public record CoverRow(String place, String item, long usable, double days) {
	}

	private static Map<String, Object> coverAtParams(String low, String high, Instant at, LocalDate useFrom,
			LocalDate day, ZoneId zone, int historyDays, double threshold) {
		Map<String, Object> params = new HashMap<>();
		params.put("low", low);
		params.put("high", high);
		params.put("at", Timestamp.from(at));
		params.put("useFrom", Date.valueOf(useFrom));
		params.put("day", Date.valueOf(day));
		params.put("useStart", Timestamp.from(useFrom.atStartOfDay(zone).toInstant()));
		params.put("dayStart", Timestamp.from(day.atStartOfDay(zone).toInstant()));
		params.put("history", historyDays);
		params.put("threshold", threshold);
		return params;
	}
}
