package org.frontline.workforce.internal;

import java.util.List;
import java.util.Optional;

import org.frontline.workforce.Post;
import org.frontline.workforce.PostKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Posts: one per place (a site, a facility, a community, ...), made when it is first staffed. */
@Repository
public class PostRepository {

	static final RowMapper<Post> POST = (rs, n) -> new Post(rs.getLong("id"), PostKind.valueOf(rs.getString("kind")),
			rs.getString("ref"), rs.getString("name"), rs.getString("area_code"), rs.getString("code"));

	private final JdbcClient jdbc;

	PostRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Post> find(long id) {
		return jdbc.sql("SELECT * FROM workforce_post WHERE id = :id").param("id", id).query(POST).optional();
	}

	public Optional<Post> byPlace(PostKind kind, String ref) {
		return jdbc.sql("SELECT * FROM workforce_post WHERE kind = :kind AND ref = :ref")
			.param("kind", kind.name())
			.param("ref", ref)
			.query(POST)
			.optional();
	}

	public Optional<Post> byCode(String code) {
		return jdbc.sql("SELECT * FROM workforce_post WHERE code = :code").param("code", code).query(POST).optional();
	}

	/** The post of a place, made now if it has none (two requests making it at once find the same one). */
	public Post ensure(PostKind kind, String ref, String name, String area, String code) {
		jdbc.sql("""
				INSERT INTO workforce_post (kind, ref, name, area_code, code) VALUES (:kind, :ref, :name, :area, :code)
				ON CONFLICT (kind, ref) DO NOTHING
				""").param("kind", kind.name()).param("ref", ref).param("name", name).param("area", area)
			.param("code", code)
			.update();
		return byPlace(kind, ref).orElseThrow();
	}

	/** The posts inside the area codes {@code [low, high)}, by area and name. */
	public List<Post> inside(String low, String high) {
		return jdbc.sql("""
				SELECT * FROM workforce_post WHERE area_code >= :low AND area_code < :high ORDER BY area_code, name
				""").param("low", low).param("high", high).query(POST).list();
	}
}
