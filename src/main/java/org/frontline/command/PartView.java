package org.frontline.command;

import java.time.Instant;
import java.util.List;

/**
 * A module's live part: headline figures and blocks (a coloured grid of areas, a table of facilities), each figure
 * linking to the page it comes from, and when it was read.
 */
public record PartView(String module, String titleKey, Instant asOf, List<Figure> figures, List<Block> blocks) {

	/**
	 * A headline figure; {@code alert} marks one asking for action, {@code percent} a share in percent, {@code digits}
	 * the decimals it is shown with (days of cover).
	 */
	public record Figure(String id, String labelKey, Number value, boolean percent, boolean alert, String href,
			int digits) {

		public Figure(String id, String labelKey, Number value, boolean percent, boolean alert, String href) {
			this(id, labelKey, value, percent, alert, href, 0);
		}

		public static Figure count(String id, String labelKey, Number value, String href) {
			return new Figure(id, labelKey, value, false, false, href);
		}

		public static Figure toDo(String id, String labelKey, Number value, String href) {
			return new Figure(id, labelKey, value, false, value != null && value.doubleValue() > 0, href);
		}

		public static Figure percent(String id, String labelKey, Number value, String href) {
			return new Figure(id, labelKey, value, true, false, href);
		}

		public static Figure decimal(String id, String labelKey, Number value, int digits, String href) {
			return new Figure(id, labelKey, value, false, false, href, digits);
		}
	}

	/**
	 * Rows of named things with figures under column labels, each column shown with its {@code digits} of decimals; a
	 * {@code grid} block shows each row as a tile coloured by its {@code percent}.
	 */
	public record Block(String id, String titleKey, boolean grid, List<String> columnKeys, List<Integer> digits,
			List<Row> rows) {

		public Block(String id, String titleKey, boolean grid, List<String> columnKeys, List<Row> rows) {
			this(id, titleKey, grid, columnKeys, columnKeys.stream().map(c -> 0).toList(), rows);
		}
	}

	/** One row of a block: a name, its page, a share for the colour of a tile (or null) and its figures. */
	public record Row(String name, String href, Double percent, List<Number> values) {
	}
}
