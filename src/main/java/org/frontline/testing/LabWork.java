package org.frontline.testing;

/**
 * A lab's work in hand: boxes dispatched to it and not yet received, and tubes it received in the last two days that
 * have no result yet.
 */
public record LabWork(long boxesOnTheWay, long tubesAwaitingResult) {
}
