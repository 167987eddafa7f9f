package org.frontline.command.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frontline.command.ReportFigures;
import org.frontline.command.ReportFigures.OpenProblem;
import org.frontline.command.ReportFigures.RowArea;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a daily report's PDF and XLSX write alike: their texts in Chinese (districts forward them as they are), their
 * figures with decimals, and the figure a section's table leaves missing.
 */
@Component("commandReportFormat")
public class ReportFormat {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	ReportFormat(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, ZH);
	}

	String problemText(OpenProblem problem) {
		return messages.getMessage(problem.titleKey(), problem.args().toArray(), problem.titleKey(), ZH);
	}

	/** The areas a section's table has a row for: the report's rows, and the report's area as their total. */
	List<RowArea> rows(ReportFigures figures) {
		List<RowArea> rows = new ArrayList<>(figures.rows());
		if (rows.stream().noneMatch(r -> r.code().equals(figures.area()))) {
			rows.add(new RowArea(figures.area(), text("command.report.total")));
		}
		return rows;
	}

	/** An area's figure in a column of a section's day or day before; one its list stops short of is missing. */
	static Long figureOf(Map<String, List<Long>> byArea, String area, int column, int decimals) {
		List<Long> values = byArea == null ? null : byArea.get(area);
		return values != null && column < values.size() ? values.get(column) : missing(decimals);
	}

	/** A missing figure: 0 for a count, none for a figure with decimals. */
	static Long missing(int decimals) {
		return decimals == 0 ? 0L : null;
	}

	/** A figure as the report prints it: a count with thousands separators, or tenths as one decimal; "—" for none. */
	public static String figure(Long value, int decimals) {
		if (value == null) {
			return "—";
		}
		return decimals == 0 ? String.format(Locale.ROOT, "%,d", value)
				: String.format(Locale.ROOT, "%,." + decimals + "f", scaled(value, decimals));
	}

	static double scaled(long value, int decimals) {
		return value / Math.pow(10, decimals);
	}
}
