package org.frontline.supplies.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.frontline.supplies.Warehouse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Warehouses, and the places that hold stock with their areas. */
@Repository
public class StockPlaceRepository {

	private final JdbcClient jdbc;

	StockPlaceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insertWarehouse(String name, String area) {
		return jdbc.sql("INSERT INTO supplies_warehouse (name, area_code) VALUES (:name, :area) RETURNING id")
			.param("name", name)
			.param("area", area)
			.query(Long.class)
			.single();
	}

	public Optional<Warehouse> warehouse(long id) {
		return jdbc.sql("SELECT id, name, area_code FROM supplies_warehouse WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Warehouse(rs.getLong("id"), rs.getString("name"), rs.getString("area_code")))
			.optional();
	}

	public Optional<Warehouse> warehouseByName(String name) {
		return jdbc.sql("SELECT id, name, area_code FROM supplies_warehouse WHERE name = :name")
			.param("name", name)
			.query((rs, n) -> new Warehouse(rs.getLong("id"), rs.getString("name"), rs.getString("area_code")))
			.optional();
	}

	/** Warehouses whose area lies in [low, high), in area order. */
	public List<Warehouse> warehousesInside(String low, String high) {
		return jdbc.sql("""
				SELECT id, name, area_code FROM supplies_warehouse
				WHERE area_code >= :low AND area_code < :high ORDER BY area_code, id
				""")
			.param("low", low)
			.param("high", high)
			.query((rs, n) -> new Warehouse(rs.getLong("id"), rs.getString("name"), rs.getString("area_code")))
			.list();
	}

	/** Every warehouse, in area order (for the warehouse that serves a post). */
	public List<Warehouse> warehouses() {
		return warehousesInside("", "~");
	}

	/** Registers places (code and area) that hold or ask for stock; known ones are left as they are. */
	public void register(Map<String, String> areaByPlace) {
		if (areaByPlace.isEmpty()) {
			return;
		}
		List<String> places = areaByPlace.keySet().stream().sorted().toList();
		jdbc.sql("""
				INSERT INTO supplies_place (place, kind, area_code)
				SELECT p, split_part(p, ':', 1), a FROM unnest(:places::text[], :areas::text[]) AS r (p, a)
				ORDER BY p
				ON CONFLICT (place) DO NOTHING
				""")
			.param("places", places.toArray(String[]::new))
			.param("areas", places.stream().map(areaByPlace::get).toArray(String[]::new))
			.update();
	}

	/** The areas of places already registered. */
	public Map<String, String> areas(Collection<String> places) {
		if (places.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT place, area_code FROM supplies_place WHERE place = ANY(:places::text[])")
			.param("places", places.toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Registered places whose area lies in [low, high), by code. */
	public List<String[]> placesInside(String low, String high) {
		return jdbc.sql("""
				SELECT place, area_code FROM supplies_place WHERE area_code >= :low AND area_code < :high ORDER BY place
				""")
			.param("low", low)
			.param("high", high)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
	}
}
