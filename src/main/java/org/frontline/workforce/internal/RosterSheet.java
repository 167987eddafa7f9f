package org.frontline.workforce.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.shared.DateTimes;
import org.frontline.workforce.Assignment;
import org.frontline.workforce.Shift;

/**
 * A post's roster for a day as an XLSX sheet: one row per assigned worker (or per shift nobody is assigned to), with
 * the plan and the actual check-in and check-out. Labels come from the caller in the reader's language.
 */
public final class RosterSheet {

	private RosterSheet() {
	}

	/**
	 * @param headers the column titles: role, station, start, end, needed, worker, kind, phone, checked in, checked out
	 * @param label the label of an enum constant in the reader's language
	 */
	public static byte[] xlsx(String title, List<String> headers, List<Shift> shifts, Function<Enum<?>, String> label,
			ZoneId zone) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(title.length() > 31 ? title.substring(0, 31) : title);
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				head.createCell(i).setCellValue(headers.get(i));
			}
			int r = 1;
			for (Shift shift : shifts) {
				List<Assignment> assignments = shift.assignments().isEmpty() ? java.util.Collections.singletonList(null)
						: shift.assignments();
				for (Assignment a : assignments) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(label.apply(shift.role()));
					if (shift.station() != null) {
						row.createCell(1).setCellValue(shift.station());
					}
					row.createCell(2).setCellValue(DateTimes.dateTime(a == null ? shift.startsAt() : a.startsAt(), zone));
					row.createCell(3).setCellValue(DateTimes.dateTime(a == null ? shift.endsAt() : a.endsAt(), zone));
					row.createCell(4).setCellValue(shift.needed());
					if (a != null) {
						row.createCell(5).setCellValue(a.workerName());
						row.createCell(6).setCellValue(label.apply(a.kind()));
						row.createCell(7).setCellValue(a.phone() == null ? "" : a.phone());
						row.createCell(8)
							.setCellValue(a.checkedInAt() == null ? "" : DateTimes.dateTime(a.checkedInAt(), zone));
						row.createCell(9)
							.setCellValue(a.checkedOutAt() == null ? "" : DateTimes.dateTime(a.checkedOutAt(), zone));
					}
				}
			}
			for (int i = 0; i < headers.size(); i++) {
				sheet.setColumnWidth(i, 18 * 256);
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
