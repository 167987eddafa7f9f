package org.frontline.workforce;

/**
 * Who a worker is: a cadre sent by a unit (下沉干部), a volunteer, medical staff, police, property staff or other. The
 * daily and weekly hour limits are set per kind.
 */
public enum WorkerKind {

	CADRE, VOLUNTEER, MEDICAL, POLICE, PROPERTY, OTHER

}
