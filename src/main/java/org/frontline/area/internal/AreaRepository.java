package org.frontline.area.internal;

import java.util.List;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.shared.AreaCodes;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AreaRepository {

	private static final RowMapper<Area> AREA = (rs, n) -> new Area(rs.getString("code"), rs.getString("name"),
			rs.getString("name_en"), AreaLevel.valueOf(rs.getString("level")), rs.getString("parent_code"));

	private final JdbcClient jdbc;

	AreaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Area> find(String code) {
		return jdbc.sql("SELECT * FROM area WHERE code = :code").param("code", code).query(AREA).optional();
	}

	public List<Area> inside(String prefix) {
		return jdbc.sql("SELECT * FROM area WHERE code >= :low AND code < :high ORDER BY code")
			.param("low", prefix)
			.param("high", AreaCodes.upperBound(prefix))
			.query(AREA)
			.list();
	}

	public List<Area> atLevel(AreaLevel level) {
		return jdbc.sql("SELECT * FROM area WHERE level = :level ORDER BY code").param("level", level.name()).query(AREA).list();
	}

	public List<Area> children(String code) {
		return jdbc.sql("SELECT * FROM area WHERE parent_code = :code ORDER BY code").param("code", code).query(AREA).list();
	}

	public void insert(Area area) {
		jdbc.sql("INSERT INTO area (code, name, name_en, level, parent_code) VALUES (:code, :name, :nameEn, :level, :parent)")
			.param("code", area.code())
			.param("name", area.name())
			.param("nameEn", area.nameEn())
			.param("level", area.level().name())
			.param("parent", area.parentCode())
			.update();
	}
}
