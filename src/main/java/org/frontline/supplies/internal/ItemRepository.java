package org.frontline.supplies.internal;

import java.util.List;
import java.util.Optional;

import org.frontline.supplies.Item;
import org.frontline.supplies.ItemCategory;
import org.frontline.supplies.ItemUnit;
import org.frontline.supplies.NewItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ItemRepository {

	private static final String COLUMNS = "code, name, name_en, unit, pack_size, category, lot_tracked";

	private final JdbcClient jdbc;

	ItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Item> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM supplies_item ORDER BY category, code").query(ItemRepository::item).list();
	}

	public Optional<Item> find(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM supplies_item WHERE code = :code")
			.param("code", code)
			.query(ItemRepository::item)
			.optional();
	}

	/** Adds the item; false when its code is taken. */
	public boolean insert(NewItem item) {
		return jdbc.sql("""
				INSERT INTO supplies_item (code, name, name_en, unit, pack_size, category, lot_tracked)
				VALUES (:code, :name, :nameEn, :unit, :packSize, :category, :lotTracked)
				ON CONFLICT (code) DO NOTHING
				""")
			.param("code", item.code())
			.param("name", item.name().strip())
			.param("nameEn", item.nameEn().strip())
			.param("unit", item.unit().name())
			.param("packSize", item.packSize())
			.param("category", item.category().name())
			.param("lotTracked", item.lotTracked())
			.update() == 1;
	}

	private static Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Item(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				ItemUnit.valueOf(rs.getString("unit")), rs.getInt("pack_size"), ItemCategory.valueOf(rs.getString("category")),
				rs.getBoolean("lot_tracked"));
	}
}
