package org.frontline.testing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.testing.Lab;
import org.frontline.testing.NewSite;
import org.frontline.testing.Site;
import org.frontline.testing.SiteKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sampling sites with their stops, and labs. */
@Repository
public class PlaceRepository {

	private final JdbcClient jdbc;

	PlaceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insertSite(String name, SiteKind kind, String area, String location, int stations, String leader) {
		return jdbc.sql("""
				INSERT INTO testing_site (name, kind, area_code, location, stations, leader)
				VALUES (:name, :kind, :area, :location, :stations, :leader) RETURNING id
				""")
			.param("name", name)
			.param("kind", kind.name())
			.param("area", area)
			.param("location", location)
			.param("stations", stations)
			.param("leader", leader)
			.query(Long.class)
			.single();
	}

	public void insertStop(long siteId, int position, NewSite.NewStop stop) {
		jdbc.sql("""
				INSERT INTO testing_site_stop (site_id, position, name, area_code, planned_at)
				VALUES (:site, :position, :name, :area, :planned)
				""")
			.param("site", siteId)
			.param("position", position)
			.param("name", stop.name())
			.param("area", stop.area())
			.param("planned", stop.plannedAt() == null ? null : Timestamp.from(stop.plannedAt()))
			.update();
	}

	/** Records the mobile team's arrival at a stop, and that it left the stop it was at before. */
	public boolean arrive(long siteId, int position, Instant at) {
		jdbc.sql("""
				UPDATE testing_site_stop SET left_at = :at
				WHERE site_id = :site AND position <> :position AND arrived_at IS NOT NULL AND left_at IS NULL
				""").param("site", siteId).param("position", position).param("at", Timestamp.from(at)).update();
		return jdbc.sql("UPDATE testing_site_stop SET arrived_at = :at, left_at = NULL WHERE site_id = :site AND position = :position")
			.param("site", siteId)
			.param("position", position)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public void setOpen(long siteId, boolean open) {
		jdbc.sql("UPDATE testing_site SET open = :open WHERE id = :id").param("open", open).param("id", siteId).update();
	}

	public Optional<Site> site(long id) {
		return jdbc.sql("SELECT * FROM testing_site WHERE id = :id").param("id", id).query(this::siteRow).optional();
	}

	public Optional<Long> siteByName(String name) {
		return jdbc.sql("SELECT id FROM testing_site WHERE name = :name ORDER BY id LIMIT 1")
			.param("name", name)
			.query(Long.class)
			.optional();
	}

	public Optional<String> siteArea(long id) {
		return jdbc.sql("SELECT area_code FROM testing_site WHERE id = :id").param("id", id).query(String.class).optional();
	}

	public Optional<String> siteName(long id) {
		return jdbc.sql("SELECT name FROM testing_site WHERE id = :id").param("id", id).query(String.class).optional();
	}

	public List<Site> sitesInside(String low, String high) {
		return jdbc.sql("""
				SELECT * FROM testing_site WHERE area_code >= :low AND area_code < :high ORDER BY area_code, id LIMIT 500
				""").param("low", low).param("high", high).query(this::siteRow).list();
	}

	/** Every site with a code in [low, high), with their stops read in one statement. */
	public List<Site> allSitesInside(String low, String high) {
		Map<Long, List<Site.Stop>> stops = new HashMap<>();
		jdbc.sql("""
				SELECT st.* FROM testing_site_stop st JOIN testing_site s ON s.id = st.site_id
				WHERE s.area_code >= :low AND s.area_code < :high ORDER BY st.site_id, st.position
				""").param("low", low).param("high", high).query(rs -> {
			stops.computeIfAbsent(rs.getLong("site_id"), id -> new ArrayList<>())
				.add(new Site.Stop(rs.getInt("position"), rs.getString("name"), rs.getString("area_code"),
						instant(rs.getTimestamp("planned_at")), instant(rs.getTimestamp("arrived_at")),
						instant(rs.getTimestamp("left_at"))));
		});
		return jdbc.sql("SELECT * FROM testing_site WHERE area_code >= :low AND area_code < :high ORDER BY area_code, id")
			.param("low", low)
			.param("high", high)
			.query((rs, n) -> new Site(rs.getLong("id"), rs.getString("name"), SiteKind.valueOf(rs.getString("kind")),
					rs.getString("area_code"), rs.getString("location"), rs.getInt("stations"), rs.getBoolean("open"),
					rs.getString("leader"), stops.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	public void setStations(long siteId, int stations) {
		jdbc.sql("UPDATE testing_site SET stations = :stations WHERE id = :id")
			.param("stations", stations)
			.param("id", siteId)
			.update();
	}

	public long insertLab(String name, String area) {
		return jdbc.sql("INSERT INTO testing_lab (name, area_code) VALUES (:name, :area) RETURNING id")
			.param("name", name)
			.param("area", area)
			.query(Long.class)
			.single();
	}

	public Optional<Lab> lab(long id) {
		return jdbc.sql("SELECT * FROM testing_lab WHERE id = :id").param("id", id).query(PlaceRepository::lab).optional();
	}

	public Optional<Lab> labByName(String name) {
		return jdbc.sql("SELECT * FROM testing_lab WHERE name = :name").param("name", name).query(PlaceRepository::lab).optional();
	}

	public List<Lab> labs() {
		return jdbc.sql("SELECT * FROM testing_lab ORDER BY id").query(PlaceRepository::lab).list();
	}

	private Site siteRow(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		List<Site.Stop> stops = jdbc.sql("SELECT * FROM testing_site_stop WHERE site_id = :id ORDER BY position")
			.param("id", id)
			.query((s, i) -> new Site.Stop(s.getInt("position"), s.getString("name"), s.getString("area_code"),
					instant(s.getTimestamp("planned_at")), instant(s.getTimestamp("arrived_at")),
					instant(s.getTimestamp("left_at"))))
			.list();
		return new Site(id, rs.getString("name"), SiteKind.valueOf(rs.getString("kind")), rs.getString("area_code"),
				rs.getString("location"), rs.getInt("stations"), rs.getBoolean("open"), rs.getString("leader"), stops);
	}

	private static Lab lab(ResultSet rs, int n) throws SQLException {
		return new Lab(rs.getLong("id"), rs.getString("name"), rs.getString("area_code"));
	}

	static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}
}
