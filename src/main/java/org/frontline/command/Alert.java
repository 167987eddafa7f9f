package org.frontline.command;

import java.time.Instant;
import java.util.List;

import org.frontline.shared.AlertSeverity;

/**
 * An alert in the inbox: raised by {@code source} about {@code key} in {@code originArea}, owned now by the staff of
 * {@code area} ({@code level} steps above the origin after escalations), with its text as a message key and arguments,
 * the page where it is dealt with, a deadline for acknowledging it, and who acknowledged, holds and closed it.
 */
public record Alert(long id, String source, String key, AlertSeverity severity, String originArea, String area,
		int level, String titleKey, List<String> args, String href, Instant deadline, AlertStatus status,
		Instant raisedAt, Instant updatedAt, Instant acknowledgedAt, String acknowledgedBy, String assignee,
		Instant closedAt, String closedBy, boolean overdue) {
}
