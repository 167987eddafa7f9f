package org.frontline.supplies.internal;

import java.math.BigDecimal;
import java.util.List;

import org.frontline.supplies.Norm;
import org.frontline.supplies.NormBasis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consumption norms and the module's settings. */
@Repository
public class NormRepository {

	public static final String LOW_COVER_DAYS = "low-cover-days";

	private final JdbcClient jdbc;

	NormRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Norm> all() {
		return jdbc.sql("SELECT basis, item_code, quantity FROM supplies_norm ORDER BY basis, item_code")
			.query((rs, n) -> new Norm(NormBasis.valueOf(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3)))
			.list();
	}

	public List<Norm> of(NormBasis basis) {
		return all().stream().filter(n -> n.basis() == basis).toList();
	}

	/** Replaces the norms of one basis. */
	public void replace(NormBasis basis, List<Norm> norms) {
		jdbc.sql("DELETE FROM supplies_norm WHERE basis = :basis").param("basis", basis.name()).update();
		for (Norm norm : norms) {
			jdbc.sql("INSERT INTO supplies_norm (basis, item_code, quantity) VALUES (:basis, :item, :quantity)")
				.param("basis", basis.name())
				.param("item", norm.item())
				.param("quantity", norm.quantity())
				.update();
		}
	}

	public double setting(String name, double fallback) {
		return jdbc.sql("SELECT value FROM supplies_setting WHERE name = :name")
			.param("name", name)
			.query(BigDecimal.class)
			.optional()
			.map(BigDecimal::doubleValue)
			.orElse(fallback);
	}

	public void setSetting(String name, BigDecimal value) {
		jdbc.sql("""
				INSERT INTO supplies_setting (name, value) VALUES (:name, :value)
				ON CONFLICT (name) DO UPDATE SET value = excluded.value
				""")
			.param("name", name)
			.param("value", value)
			.update();
	}
}
