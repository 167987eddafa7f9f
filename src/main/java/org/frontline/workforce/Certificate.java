package org.frontline.workforce;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A volunteer-hours certificate (志愿服务时长证明) as its verification shows it: the code, the volunteer's name
 * (masked), the period, the hours worked in it and when it was issued.
 */
public record Certificate(String code, String name, LocalDate from, LocalDate to, long minutes, int shifts,
		Instant issuedAt) {
}
