package org.frontline.enterprise;

import java.time.LocalDate;

/** The liaison's daily report: today's (or the given day's) figures, and problems and requests in words. */
public record ReportForm(LocalDate date, Integer inLoop, Integer tested, Integer positives, Integer fevers,
		Integer meals, String problems) {
}
