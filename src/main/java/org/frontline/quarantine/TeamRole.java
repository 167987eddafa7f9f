package org.frontline.quarantine;

/** What a member of a facility's team does there. */
public enum TeamRole {

	LEADER, LIAISON, DOCTOR, NURSE, DISINFECTION, TRANSFER, CLEANING, HOTEL

}
