package org.frontline.planning;

/**
 * The norms a plan is checked against: nobody queues more than 20 minutes, sampling is done within 6 hours, the
 * round (sampling and results) within 24 hours, and every resident has a site or a door-to-door team.
 */
public enum PlanNorm {
	WAIT, SAMPLING, ROUND, SERVED
}
