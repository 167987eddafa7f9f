package org.frontline.command;

import java.util.List;
import java.util.Map;

/**
 * A section of the daily report: counts under column labels per area code of the report's rows (a missing area
 * counts zero); the district's row is their sum.
 */
public record DaySection(String id, String titleKey, List<String> columnKeys, Map<String, List<Long>> byArea) {
}
