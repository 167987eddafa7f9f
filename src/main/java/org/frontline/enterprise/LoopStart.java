package org.frontline.enterprise;

import java.time.Instant;

/** When a closed loop begins (0:00 of the day after a notice, typically) and the notice that ordered it, if any. */
public record LoopStart(Instant from, String notice) {
}
