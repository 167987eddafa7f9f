package org.frontline.workforce;

import java.time.LocalDate;

/** A worker sent to a post for a range of days (both included). */
public record Deployment(long id, long workerId, String workerName, Post post, LocalDate from, LocalDate to) {
}
