package org.frontline.command.internal;

import static org.frontline.command.internal.ReportFormat.figure;

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

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.frontline.command.DayList;
import org.frontline.command.ReportFigures;
import org.frontline.command.ReportFigures.OpenProblem;
import org.frontline.command.ReportFigures.RowArea;
import org.frontline.command.ReportFigures.Section;
import org.frontline.shared.DateTimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A daily report as an A4 PDF: Chinese text in an embedded subset of a TrueType CJK font, so it prints anywhere and its
 * text can be copied and searched; tables and trend charts.
 */
@Component("commandReportPdfWriter")
public class ReportPdfWriter {

	private static final float MARGIN = 40;

	/** The trend charts: a title and the series (section id and column) drawn in it. */
	static final List<Chart> CHARTS = List.of(new Chart("command.report.trend.samples", List.of("testing.samples.0")),
			new Chart("command.report.trend.positives", List.of("testing.positives.0", "testing.positives.1",
					"testing.positives.2", "testing.positives.3")),
			new Chart("command.report.trend.staying", List.of("quarantine.stays.2")));

	record Chart(String titleKey, List<String> series) {
	}

	private final ReportFormat format;

	private final Clock clock;

	private final String fontPath;

	ReportPdfWriter(ReportFormat format, Clock clock,
			@Value("${frontline.command.report-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String fontPath) {
		this.format = format;
		this.clock = clock;
		this.fontPath = fontPath;
	}

	public byte[] write(ReportFigures figures, int version, Instant issuedAt, String changes) {
		File file = new File(fontPath);
		if (!file.isFile()) {
			throw new IllegalStateException("The report font " + fontPath
					+ " is missing: install Debian's fonts-wqy-microhei or set frontline.command.report-font to a TrueType CJK font.");
		}
		try (PDDocument document = new PDDocument(); TrueTypeCollection collection = collection(file)) {
			TrueTypeFont ttf = collection == null ? null : firstFont(collection);
			PDType0Font font = ttf != null ? PDType0Font.load(document, ttf, true) : PDType0Font.load(document, file);
			new Pages(document, font).write(figures, version, issuedAt, changes);
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

	static String change(Long day, Long before) {
		if (day == null) {
			return "";
		}
		long delta = day - (before == null ? 0 : before);
		return delta > 0 ? "+" + delta : delta < 0 ? String.valueOf(delta) : "±0";
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

	/** Lays a report out on A4 pages from the top down. */
	private final class Pages {

		private final PDDocument document;

		private final PDType0Font font;

		private PDPageContentStream content;

		private float y;

		Pages(PDDocument document, PDType0Font font) {
			this.document = document;
			this.font = font;
		}

		void write(ReportFigures figures, int version, Instant issuedAt, String changes) throws IOException {
			newPage();
			line(format.text("command.report.heading", figures.areaName()), 18);
			line(format.text("command.report.subheading", DateTimes.date(figures.day(), clock.getZone()), version,
					DateTimes.dateTime(issuedAt, clock.getZone())), 10);
			if (changes != null && !changes.isEmpty()) {
				gap(6);
				line(format.text("command.report.correction"), 12);
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
			line(format.text("command.report.notices") + "（" + figures.notices().size() + "）", 13);
			if (figures.notices().isEmpty()) {
				line(format.text("command.report.notices.none"), 9);
			}
			for (String notice : figures.notices()) {
				line(notice, 9);
			}
			gap(10);
			line(format.text("command.report.problems") + "（" + figures.problems().size() + "）", 13);
			if (figures.problems().isEmpty()) {
				line(format.text("command.report.problems.none"), 9);
			}
			for (OpenProblem problem : figures.problems()) {
				line(format.text("enum.AlertSeverity." + problem.severity()) + " · " + format.problemText(problem)
						+ " · " + problem.areaName() + " · " + DateTimes.dateTime(problem.raisedAt(), clock.getZone()), 9);
			}
			gap(10);
			line(format.text("command.report.trend"), 13);
			for (Chart chart : CHARTS) {
				chart(figures, chart);
			}
			content.close();
		}

		private void table(ReportFigures figures, Section section) throws IOException {
			line(format.text(section.titleKey()), 13);
			int columns = section.columnKeys().size();
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			float first = Math.min(140, width / (columns + 1));
			float each = (width - first) / columns;
			float size = 9;
			ensure(size * 2 + 8);
			float x = MARGIN;
			cell(format.text("command.report.area"), x, size, first, false);
			for (int c = 0; c < columns; c++) {
				cell(format.text(section.columnKeys().get(c)) + "（" + format.text("command.report.change") + "）",
						x + first + c * each, size, each, true);
			}
			y -= size + 6;
			for (RowArea row : format.rows(figures)) {
				ensure(size + 6);
				cell(row.name(), x, size, first, false);
				for (int c = 0; c < columns; c++) {
					int decimals = section.decimalsOf(c);
					Long value = ReportFormat.figureOf(section.day(), row.code(), c, decimals);
					Long was = ReportFormat.figureOf(section.before(), row.code(), c, decimals);
					cell(value == null ? "—" : figure(value, decimals) + "（" + change(value, was, decimals) + "）",
							x + first + c * each, size, each, true);
				}
				y -= size + 5;
			}
		}

		private void list(DayList list) throws IOException {
			line(format.text(list.titleKey()), 13);
			int columns = list.columnKeys().size();
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			float first = width / 2;
			float each = (width - first) / columns;
			float size = 9;
			ensure(size * 2 + 8);
			cell(format.text(list.nameKey()), MARGIN, size, first, false);
			for (int c = 0; c < columns; c++) {
				cell(format.text(list.columnKeys().get(c)), MARGIN + first + c * each, size, each, true);
			}
			y -= size + 6;
			if (list.lines().isEmpty()) {
				line(format.text("command.report.list.none"), size);
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
			line(format.text(chart.titleKey()), 10);
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
				.map(s -> format.text(s.columnKeys().get(column)))
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
}
