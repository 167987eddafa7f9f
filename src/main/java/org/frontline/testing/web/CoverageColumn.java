package org.frontline.testing.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.frontline.testing.CoverageFigures;

/** A column of the round page's coverage table, by which its rows can be sorted ({@code ?sort=percent&dir=desc}). */
enum CoverageColumn {

	NAME("name", false, Comparator.comparing(CoverageFigures::name)),
	LEVEL("level", false, Comparator.comparing(CoverageFigures::level)),
	IN_SCOPE("inScope", true, Comparator.comparingLong(CoverageFigures::inScope)),
	SAMPLED("sampled", true, Comparator.comparingLong(CoverageFigures::sampled)),
	NOT_SAMPLED("notSampled", true, Comparator.comparingLong(CoverageFigures::notSampled)),
	EXEMPTED("exempted", true, Comparator.comparingLong(CoverageFigures::exempted)),
	PERCENT("percent", true, Comparator.comparingDouble(CoverageFigures::percent));

	private final String key;

	private final boolean numeric;

	private final Comparator<CoverageFigures> order;

	CoverageColumn(String key, boolean numeric, Comparator<CoverageFigures> order) {
		this.key = key;
		this.numeric = numeric;
		this.order = order;
	}

	public String key() {
		return key;
	}

	public boolean isNumeric() {
		return numeric;
	}

	static CoverageColumn of(String key) {
		for (CoverageColumn column : values()) {
			if (column.key.equals(key)) {
				return column;
			}
		}
		return null;
	}

	/** One line of the table: an area and its depth below the page's area. */
	record Row(CoverageFigures figures, int depth) {
	}

	/**
	 * The subdistricts and communities under the page's area: in tree order (each community under its subdistrict)
	 * when {@code column} is null, otherwise sorted by it, ties by name.
	 */
	static List<Row> rows(CoverageFigures root, CoverageColumn column, boolean descending) {
		List<Row> rows = new ArrayList<>();
		for (CoverageFigures sub : root.children()) {
			rows.add(new Row(sub, 0));
			for (CoverageFigures community : sub.children()) {
				if ("COMMUNITY".equals(community.level())) {
					rows.add(new Row(community, 1));
				}
			}
		}
		if (column != null) {
			Comparator<CoverageFigures> order = descending ? column.order.reversed() : column.order;
			rows.sort(Comparator.comparing(Row::figures, order.thenComparing(CoverageFigures::name)));
		}
		return rows;
	}
}
