package org.frontline.command;

/** What happened to an alert, as its history shows it. */
public enum AlertEntryKind {

	RAISED, RAISED_AGAIN, REOPENED, ACKNOWLEDGED, ASSIGNED, COMMENTED, ESCALATED, CLEARED, CLOSED

}
