package org.frontline.command;

/** Where an alert is: nobody has taken it yet, a person has acknowledged it, or it is closed (dealt with or cleared). */
public enum AlertStatus {

	OPEN, ACKNOWLEDGED, CLOSED

}
