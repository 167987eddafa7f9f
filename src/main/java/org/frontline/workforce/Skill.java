package org.frontline.workforce;

/** What a worker can do at a post. */
public enum Skill {

	SAMPLING, REGISTRATION, ORDER, DISINFECTION, TRANSPORT, DRIVING, INTERPRETING, PSYCHOLOGICAL

}
