package org.frontline.command;

import java.time.Instant;
import java.util.List;

/**
 * A module's live part: headline figures and blocks (a coloured grid of areas, a table of facilities), each figure
 * linking to the page it comes from, and when it was read.
 */
public record PartView(String module, String titleKey, Instant asOf, List<Figure> figures, List<Block> blocks) {

	/** A headline figure; {@code alert} marks one asking for action, {@code percent} a share in percent. */
	public record Figure(String id, String labelKey, Number value, boolean percent, boolean alert, String href) {

		public static Figure count(String id, String labelKey, Number value, String href) {
			return new Figure(id, labelKey, value, false, false, href);
		}

		public static Figure toDo(String id, String labelKey, Number value, String href) {
			return new Figure(id, labelKey, value, false, value != null && value.doubleValue() > 0, href);
		}

		public static Figure percent(String id, String labelKey, Number value, String href) {
			return new Figure(id, labelKey, value, true, false, href);
		}
	}

	/**
	 * Rows of named things with figures under column labels; a {@code grid} block shows each row as a tile coloured by
	 * its {@code percent}.
	 */
	public record Block(String id, String titleKey, boolean grid, List<String> columnKeys, List<Row> rows) {
	}

	/** One row of a block: a name, its page, a share for the colour of a tile (or null) and its figures. */
	public record Row(String name, String href, Double percent, List<Number> values) {
	}
}
