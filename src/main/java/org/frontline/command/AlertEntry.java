package org.frontline.command;

import java.time.Instant;

/** One line of an alert's history: what happened, who did it (null for the system) and their note. */
public record AlertEntry(AlertEntryKind kind, String by, String note, Instant at) {
}
