package org.frontline.command.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.command.DayList;
import org.frontline.command.ReportFigures;
import org.frontline.command.ReportFigures.OpenProblem;
import org.frontline.command.ReportFigures.RowArea;
import org.frontline.command.ReportFigures.Section;
import org.frontline.shared.DateTimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A daily report as an A4 PDF (Chinese text in an embedded subset of a TrueType CJK font, so it prints anywhere and its
 * text can be copied and searched; tables and trend charts) and as an XLSX workbook (a sheet per section, numbers as
 * numbers). Both are in Chinese: districts forward them as they are.
 */
@Component("commandReportDocuments")
public class ReportDocuments {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final float MARGIN = 40;

	/** The trend charts: a title and the series (section id and column) drawn in it. */
	static final List<Chart> CHARTS = List.of(new Chart("command.report.trend.samples", List.of("testing.samples.0")),
			new Chart("command.report.trend.positives", List.of("testing.positives.0", "testing.positives.1",
					"testing.positives.2", "testing.positives.3")),
			new Chart("command.report.trend.staying", List.of("quarantine.stays.2")));

	record Chart(String titleKey, List<String> series) {
	}

	private final MessageSource messages;

	private final Clock clock;

	private final String fontPath;

	ReportDocuments(MessageSource messages, Clock clock,
			@Value("${frontline.command.report-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String fontPath) {
		this.messages = messages;
		this.clock = clock;
		this.fontPath = fontPath;
	}

	public byte[] pdf(ReportFigures figures, int version, Instant issuedAt, String changes) {
		File file = new File(fontPath);
		if (!file.isFile()) {
			throw new IllegalStateException("The report font " + fontPath
					+ " is missing: install Debian's fonts-wqy-microhei or set frontline.command.report-font to a TrueType CJK font.");
		}
		try (PDDocument document = new PDDocument(); TrueTypeCollection collection = collection(file)) {
			TrueTypeFont ttf = collection == null ? null : firstFont(collection);
			PDType0Font font = ttf != null ? PDType0Font.load(document, ttf, true) : PDType0Font.load(document, file);
			new PdfWriter(document, font).write(figures, version, issuedAt, changes);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static TrueTypeCollection collection(File file) throws IOException {
		return file.getName().toLowerCase(Locale.ROOT).endsWith(".ttc") ? new TrueTypeCollection(file) : null;
	}

	private static TrueTypeFont firstFont(TrueTypeCollection collection) throws IOException {
		TrueTypeFont[] first = new TrueTypeFont[1];
		collection.processAllFonts(font -> {
			if (first[0] == null) {
				first[0] = font;
			}
		});
		return first[0];
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, ZH);
	}

	private String problemText(OpenProblem problem) {
		return messages.getMessage(problem.titleKey(), problem.args().toArray(), problem.titleKey(), ZH);
	}

	static String change(Long day, Long before) {
		if (day == null) {
			return "";
		}
		long delta = day - (before == null ? 0 : before);
		return delta > 0 ? "+" + delta : delta < 0 ? String.valueOf(delta) : "±0";
	}

	/** A figure as the report prints it: a count with thousands separators, or tenths as one decimal; "—" for none. */
	public static String figure(Long value, int decimals) {
		if (value == null) {
			return "—";
		}
		return decimals == 0 ? String.format(Locale.ROOT, "%,d", value)
				: String.format(Locale.ROOT, "%,." + decimals + "f", scaled(value, decimals));
	}

	/** The change from the day before of a figure with decimals; "—" when either day has none. */
	static String change(Long day, Long before, int decimals) {
		if (decimals == 0) {
			return change(day, before);
		}
		if (day == null || before == null) {
			return "—";
		}
		long delta = day - before;
		return delta > 0 ? "+" + figure(delta, decimals) : delta < 0 ? figure(delta, decimals) : "±0";
	}

	static double scaled(long value, int decimals) {
		return value / Math.pow(10, decimals);
	}

	private static List<Long> values(Map<String, List<Long>> byArea, String code) {
		List<Long> values = byArea == null ? null : byArea.get(code);
		return values == null ? List.of() : values;
	}

	/** Lays a report out on A4 pages from the top down. */
	private final class PdfWriter {

		private final PDDocument document;

		private final PDType0Font font;

		private PDPageContentStream content;

		private float y;

		PdfWriter(PDDocument document, PDType0Font font) {
			this.document = document;
			this.font = font;
		}

		void write(ReportFigures figures, int version, Instant issuedAt, String changes) throws IOException {
			newPage();
			line(text("command.report.heading", figures.areaName()), 18);
			line(text("command.report.subheading", DateTimes.date(figures.day(), clock.getZone()), version,
					DateTimes.dateTime(issuedAt, clock.getZone())), 10);
			if (changes != null && !changes.isEmpty()) {
				gap(6);
				line(text("command.report.correction"), 12);
				for (String change : changes.split("\n")) {
					line(change, 9);
				}
			}
			for (Section section : figures.sections()) {
				gap(10);
				table(figures, section);
			}
			for (DayList list : figures.lists()) {
				gap(10);
				list(list);
			}
			gap(10);
			line(text("command.report.notices") + "（" + figures.notices().size() + "）", 13);
			if (figures.notices().isEmpty()) {
				line(text("command.report.notices.none"), 9);
			}
			for (String notice : figures.notices()) {
				line(notice, 9);
			}
			gap(10);
			line(text("command.report.problems") + "（" + figures.problems().size() + "）", 13);
			if (figures.problems().isEmpty()) {
				line(text("command.report.problems.none"), 9);
			}
			for (OpenProblem problem : figures.problems()) {
				line(text("enum.AlertSeverity." + problem.severity()) + " · " + problemText(problem) + " · "
						+ problem.areaName() + " · " + DateTimes.dateTime(problem.raisedAt(), clock.getZone()), 9);
			}
			gap(10);
			line(text("command.report.trend"), 13);
			for (Chart chart : CHARTS) {
				chart(figures, chart);
			}
			content.close();
		}

		private void table(ReportFigures figures, Section section) throws IOException {
			line(text(section.titleKey()), 13);
			int columns = section.columnKeys().size();
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			float first = Math.min(140, width / (columns + 1));
			float each = (width - first) / columns;
			float size = 9;
			ensure(size * 2 + 8);
			float x = MARGIN;
			cell(text("command.report.area"), x, size, first, false);
			for (int c = 0; c < columns; c++) {
				cell(text(section.columnKeys().get(c)) + "（" + text("command.report.change") + "）", x + first + c * each,
						size, each, true);
			}
			y -= size + 6;
			List<RowArea> rows = new ArrayList<>(figures.rows());
			if (rows.stream().noneMatch(r -> r.code().equals(figures.area()))) {
				rows.add(new RowArea(figures.area(), text("command.report.total")));
			}
			for (RowArea row : rows) {
				ensure(size + 6);
				List<Long> day = values(section.day(), row.code());
				List<Long> before = values(section.before(), row.code());
				cell(row.name(), x, size, first, false);
				for (int c = 0; c < columns; c++) {
					int decimals = section.decimalsOf(c);
					Long none = decimals == 0 ? 0L : null;
					Long value = c < day.size() ? day.get(c) : none;
					Long was = c < before.size() ? before.get(c) : none;
					cell(value == null ? "—" : figure(value, decimals) + "（" + change(value, was, decimals) + "）",
							x + first + c * each, size, each, true);
				}
				y -= size + 5;
			}
		}

		private void list(DayList list) throws IOException {
			line(text(list.titleKey()), 13);
			int columns = list.columnKeys().size();
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			float first = width / 2;
			float each = (width - first) / columns;
			float size = 9;
			ensure(size * 2 + 8);
			cell(text(list.nameKey()), MARGIN, size, first, false);
			for (int c = 0; c < columns; c++) {
				cell(text(list.columnKeys().get(c)), MARGIN + first + c * each, size, each, true);
			}
			y -= size + 6;
			if (list.lines().isEmpty()) {
				line(text("command.report.list.none"), size);
			}
			for (DayList.Line row : list.lines()) {
				ensure(size + 6);
				cell(row.name(), MARGIN, size, first, false);
				for (int c = 0; c < columns && c < row.values().size(); c++) {
					cell(figure(row.values().get(c), list.decimalsOf(c)), MARGIN + first + c * each, size, each, true);
				}
				y -= size + 5;
			}
		}

		private void chart(ReportFigures figures, Chart chart) throws IOException {
			float height = 90;
			ensure(height + 40);
			line(text(chart.titleKey()), 10);
			List<LocalDate> days = new ArrayList<>(figures.trend().keySet());
			long max = 1;
			for (String key : chart.series()) {
				for (LocalDate day : days) {
					max = Math.max(max, figures.trend().get(day).getOrDefault(key, 0L));
				}
			}
			float left = MARGIN + 40;
			float width = PDRectangle.A4.getWidth() - MARGIN - left;
			float bottom = y - height;
			content.setLineWidth(0.5f);
			content.setStrokingColor(0.6f, 0.6f, 0.6f);
			content.moveTo(left, bottom);
			content.lineTo(left + width, bottom);
			content.moveTo(left, bottom);
			content.lineTo(left, y);
			content.stroke();
			draw(String.format(Locale.ROOT, "%,d", max), MARGIN, y - 8, 8);
			draw("0", MARGIN, bottom, 8);
			float[][] colours = { { 0.05f, 0.43f, 0.99f }, { 0.86f, 0.21f, 0.27f }, { 0.1f, 0.53f, 0.33f } };
			for (int s = 0; s < chart.series().size(); s++) {
				String key = chart.series().get(s);
				float[] colour = colours[s % colours.length];
				content.setStrokingColor(colour[0], colour[1], colour[2]);
				content.setLineWidth(1.2f);
				for (int i = 0; i < days.size(); i++) {
					float px = left + (days.size() == 1 ? 0 : width * i / (days.size() - 1));
					float py = bottom + height * figures.trend().get(days.get(i)).getOrDefault(key, 0L) / max;
					if (i == 0) {
						content.moveTo(px, py);
					}
					else {
						content.lineTo(px, py);
					}
				}
				content.stroke();
			}
			content.setStrokingColor(0f, 0f, 0f);
			if (!days.isEmpty()) {
				draw(DateTimes.date(days.get(0), clock.getZone()), left, bottom - 10, 7);
				String last = DateTimes.date(days.get(days.size() - 1), clock.getZone());
				draw(last, left + width - font.getStringWidth(last) / 1000 * 7, bottom - 10, 7);
			}
			y = bottom - 14;
			if (chart.series().size() > 1) {
				List<String> legend = new ArrayList<>();
				for (String key : chart.series()) {
					legend.add(seriesName(figures, key));
				}
				line(String.join("　", legend), 8);
			}
			gap(6);
		}

		private String seriesName(ReportFigures figures, String key) {
			int dot = key.lastIndexOf('.');
			String id = key.substring(0, dot);
			int column = Integer.parseInt(key.substring(dot + 1));
			return figures.sections().stream()
				.filter(s -> s.id().equals(id))
				.findFirst()
				.filter(s -> column < s.columnKeys().size())
				.map(s -> text(s.columnKeys().get(column)))
				.orElse(key);
		}

		private void cell(String value, float x, float size, float width, boolean right) throws IOException {
			String shown = value;
			while (shown.length() > 1 && font.getStringWidth(shown) / 1000 * size > width - 4) {
				shown = shown.substring(0, shown.length() - 1);
			}
			float w = font.getStringWidth(shown) / 1000 * size;
			draw(shown, right ? x + width - 4 - w : x, y - size, size);
		}

		private void line(String value, float size) throws IOException {
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			String rest = value;
			while (!rest.isEmpty()) {
				int end = rest.length();
				while (end > 1 && font.getStringWidth(rest.substring(0, end)) / 1000 * size > width) {
					end--;
				}
				ensure(size + 4);
				draw(rest.substring(0, end), MARGIN, y - size, size);
				y -= size + 4;
				rest = rest.substring(end);
			}
		}

		private void draw(String value, float x, float baseline, float size) throws IOException {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, baseline);
			content.showText(value);
			content.endText();
		}

		private void gap(float points) {
			y -= points;
		}

		private void ensure(float points) throws IOException {
			if (y - points < MARGIN) {
				newPage();
			}
		}

		private void newPage() throws IOException {
			if (content != null) {
				content.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}
	}

	public byte[] xlsx(ReportFigures figures, int version, Instant issuedAt, String changes) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet about = workbook.createSheet(WorkbookUtil.createSafeSheetName(text("command.report.sheet.about")));
			row(about, 0, bold, text("command.report.heading", figures.areaName()));
			row(about, 1, null, text("command.report.day"), DateTimes.date(figures.day(), clock.getZone()));
			Row versionRow = about.createRow(2);
			versionRow.createCell(0).setCellValue(text("command.report.version"));
			versionRow.createCell(1).setCellValue(version);
			row(about, 3, null, text("command.report.issued"), DateTimes.dateTime(issuedAt, clock.getZone()));
			int r = 4;
			if (changes != null && !changes.isEmpty()) {
				row(about, r++, bold, text("command.report.correction"));
				for (String change : changes.split("\n")) {
					row(about, r++, null, change);
				}
			}
			for (Section section : figures.sections()) {
				Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(text(section.titleKey())));
				Row header = sheet.createRow(0);
				header(header, 0, bold, text("command.report.area"));
				int c = 1;
				for (String column : section.columnKeys()) {
					header(header, c++, bold, text(column));
					header(header, c++, bold, text(column) + " · " + text("command.report.before"));
					header(header, c++, bold, text(column) + " · " + text("command.report.change"));
				}
				int n = 1;
				List<RowArea> rows = new ArrayList<>(figures.rows());
				if (rows.stream().noneMatch(a -> a.code().equals(figures.area()))) {
					rows.add(new RowArea(figures.area(), text("command.report.total")));
				}
				for (RowArea area : rows) {
					Row row = sheet.createRow(n++);
					row.createCell(0).setCellValue(area.name());
					List<Long> day = values(section.day(), area.code());
					List<Long> before = values(section.before(), area.code());
					for (int i = 0; i < section.columnKeys().size(); i++) {
						int decimals = section.decimalsOf(i);
						Long none = decimals == 0 ? 0L : null;
						Long value = i < day.size() ? day.get(i) : none;
						Long was = i < before.size() ? before.get(i) : none;
						if (value != null) {
							row.createCell(1 + 3 * i).setCellValue(scaled(value, decimals));
						}
						if (was != null) {
							row.createCell(2 + 3 * i).setCellValue(scaled(was, decimals));
						}
						if (value != null && was != null) {
							row.createCell(3 + 3 * i).setCellValue(scaled(value - was, decimals));
						}
					}
				}
				sheet.setColumnWidth(0, 20 * 256);
			}
			for (DayList list : figures.lists()) {
				Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(text(list.titleKey())));
				Row header = sheet.createRow(0);
				header(header, 0, bold, text(list.nameKey()));
				for (int c = 0; c < list.columnKeys().size(); c++) {
					header(header, 1 + c, bold, text(list.columnKeys().get(c)));
				}
				int n = 1;
				for (DayList.Line line : list.lines()) {
					Row row = sheet.createRow(n++);
					row.createCell(0).setCellValue(line.name());
					for (int c = 0; c < line.values().size(); c++) {
						if (line.values().get(c) != null) {
							row.createCell(1 + c).setCellValue(scaled(line.values().get(c), list.decimalsOf(c)));
						}
					}
				}
				sheet.setColumnWidth(0, 40 * 256);
			}
			Sheet problems = workbook.createSheet(WorkbookUtil.createSafeSheetName(text("command.report.problems")));
			Row header = problems.createRow(0);
			header(header, 0, bold, text("command.report.severity"));
			header(header, 1, bold, text("command.report.problem"));
			header(header, 2, bold, text("command.report.area"));
			header(header, 3, bold, text("command.report.raised"));
			header(header, 4, bold, text("command.report.status"));
			int p = 1;
			for (OpenProblem problem : figures.problems()) {
				row(problems, p++, null, text("enum.AlertSeverity." + problem.severity()), problemText(problem),
						problem.areaName(), DateTimes.dateTime(problem.raisedAt(), clock.getZone()),
						text("enum.AlertStatus." + problem.status()));
			}
			Sheet notices = workbook.createSheet(WorkbookUtil.createSafeSheetName(text("command.report.notices")));
			header(notices.createRow(0), 0, bold, text("command.report.notices"));
			int k = 1;
			for (String notice : figures.notices()) {
				row(notices, k++, null, notice);
			}
			Sheet trend = workbook.createSheet(WorkbookUtil.createSafeSheetName(text("command.report.trend")));
			Row trendHeader = trend.createRow(0);
			header(trendHeader, 0, bold, text("command.report.day"));
			List<String> keys = new ArrayList<>();
			List<Integer> decimals = new ArrayList<>();
			for (Section section : figures.sections()) {
				for (int i = 0; i < section.columnKeys().size(); i++) {
					keys.add(section.id() + "." + i);
					decimals.add(section.decimalsOf(i));
					header(trendHeader, keys.size(), bold,
							text(section.titleKey()) + " · " + text(section.columnKeys().get(i)));
				}
			}
			int t = 1;
			for (Map.Entry<LocalDate, Map<String, Long>> day : figures.trend().entrySet()) {
				Row row = trend.createRow(t++);
				row.createCell(0).setCellValue(DateTimes.date(day.getKey(), clock.getZone()));
				for (int i = 0; i < keys.size(); i++) {
					Long value = day.getValue().get(keys.get(i));
					if (value != null || decimals.get(i) == 0) {
						row.createCell(1 + i).setCellValue(scaled(value == null ? 0 : value, decimals.get(i)));
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void header(Row row, int column, CellStyle style, String value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void row(Sheet sheet, int index, CellStyle style, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(values[i]);
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}
}
