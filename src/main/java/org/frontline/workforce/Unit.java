package org.frontline.workforce;

/** An agency that sends cadres (派出单位, e.g. 区财政局), the area it belongs to and how many cadres it has. */
public record Unit(long id, String name, String area, long cadres) {
}
