package org.frontline.command.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.springframework.stereotype.Component;

/** A daily report as an XLSX workbook: a sheet per section, numbers as numbers. */
@Component("commandReportXlsxWriter")
public class ReportXlsxWriter {

	private final ReportFormat format;

	private final Clock clock;

	ReportXlsxWriter(ReportFormat format, Clock clock) {
		this.format = format;
		this.clock = clock;
	}

	public byte[] write(ReportFigures figures, int version, Instant issuedAt, String changes) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet about = workbook
				.createSheet(WorkbookUtil.createSafeSheetName(format.text("command.report.sheet.about")));
			row(about, 0, bold, format.text("command.report.heading", figures.areaName()));
			row(about, 1, null, format.text("command.report.day"), DateTimes.date(figures.day(), clock.getZone()));
			Row versionRow = about.createRow(2);
			versionRow.createCell(0).setCellValue(format.text("command.report.version"));
			versionRow.createCell(1).setCellValue(version);
			row(about, 3, null, format.text("command.report.issued"), DateTimes.dateTime(issuedAt, clock.getZone()));
			int r = 4;
			if (changes != null && !changes.isEmpty()) {
				row(about, r++, bold, format.text("command.report.correction"));
				for (String change : changes.split("\n")) {
					row(about, r++, null, change);
				}
			}
			for (Section section : figures.sections()) {
				Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(format.text(section.titleKey())));
				Row header = sheet.createRow(0);
				header(header, 0, bold, format.text("command.report.area"));
				int c = 1;
				for (String column : section.columnKeys()) {
					header(header, c++, bold, format.text(column));
					header(header, c++, bold, format.text(column) + " · " + format.text("command.report.before"));
					header(header, c++, bold, format.text(column) + " · " + format.text("command.report.change"));
				}
				int n = 1;
				for (RowArea area : format.rows(figures)) {
					Row row = sheet.createRow(n++);
					row.createCell(0).setCellValue(area.name());
					for (int i = 0; i < section.columnKeys().size(); i++) {
						int decimals = section.decimalsOf(i);
						Long value = ReportFormat.figureOf(section.day(), area.code(), i, decimals);
						Long was = ReportFormat.figureOf(section.before(), area.code(), i, decimals);
						if (value != null) {
							row.createCell(1 + 3 * i).setCellValue(ReportFormat.scaled(value, decimals));
						}
						if (was != null) {
							row.createCell(2 + 3 * i).setCellValue(ReportFormat.scaled(was, decimals));
						}
						if (value != null && was != null) {
							row.createCell(3 + 3 * i).setCellValue(ReportFormat.scaled(value - was, decimals));
						}
					}
				}
				sheet.setColumnWidth(0, 20 * 256);
			}
			for (DayList list : figures.lists()) {
				Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(format.text(list.titleKey())));
				Row header = sheet.createRow(0);
				header(header, 0, bold, format.text(list.nameKey()));
				for (int c = 0; c < list.columnKeys().size(); c++) {
					header(header, 1 + c, bold, format.text(list.columnKeys().get(c)));
				}
				int n = 1;
				for (DayList.Line line : list.lines()) {
					Row row = sheet.createRow(n++);
					row.createCell(0).setCellValue(line.name());
					for (int c = 0; c < line.values().size(); c++) {
						if (line.values().get(c) != null) {
							row.createCell(1 + c)
								.setCellValue(ReportFormat.scaled(line.values().get(c), list.decimalsOf(c)));
						}
					}
				}
				sheet.setColumnWidth(0, 40 * 256);
			}
			Sheet problems = workbook
				.createSheet(WorkbookUtil.createSafeSheetName(format.text("command.report.problems")));
			Row header = problems.createRow(0);
			header(header, 0, bold, format.text("command.report.severity"));
			header(header, 1, bold, format.text("command.report.problem"));
			header(header, 2, bold, format.text("command.report.area"));
			header(header, 3, bold, format.text("command.report.raised"));
			header(header, 4, bold, format.text("command.report.status"));
			int p = 1;
			for (OpenProblem problem : figures.problems()) {
				row(problems, p++, null, format.text("enum.AlertSeverity." + problem.severity()),
						format.problemText(problem), problem.areaName(),
						DateTimes.dateTime(problem.raisedAt(), clock.getZone()),
						format.text("enum.AlertStatus." + problem.status()));
			}
			Sheet notices = workbook
				.createSheet(WorkbookUtil.createSafeSheetName(format.text("command.report.notices")));
			header(notices.createRow(0), 0, bold, format.text("command.report.notices"));
			int k = 1;
			for (String notice : figures.notices()) {
				row(notices, k++, null, notice);
			}
			Sheet trend = workbook.createSheet(WorkbookUtil.createSafeSheetName(format.text("command.report.trend")));
			Row trendHeader = trend.createRow(0);
			header(trendHeader, 0, bold, format.text("command.report.day"));
			List<String> keys = new ArrayList<>();
			List<Integer> decimals = new ArrayList<>();
			for (Section section : figures.sections()) {
				for (int i = 0; i < section.columnKeys().size(); i++) {
					keys.add(section.id() + "." + i);
					decimals.add(section.decimalsOf(i));
					header(trendHeader, keys.size(), bold,
							format.text(section.titleKey()) + " · " + format.text(section.columnKeys().get(i)));
				}
			}
			int t = 1;
			for (Map.Entry<LocalDate, Map<String, Long>> day : figures.trend().entrySet()) {
				Row row = trend.createRow(t++);
				row.createCell(0).setCellValue(DateTimes.date(day.getKey(), clock.getZone()));
				for (int i = 0; i < keys.size(); i++) {
					Long value = day.getValue().get(keys.get(i));
					Long shown = value != null ? value : ReportFormat.missing(decimals.get(i));
					if (shown != null) {
						row.createCell(1 + i).setCellValue(ReportFormat.scaled(shown, decimals.get(i)));
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
