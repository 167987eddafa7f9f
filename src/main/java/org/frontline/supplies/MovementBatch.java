package org.frontline.supplies;

import java.util.List;

/** Movements sent together; each is answered on its own, in order. */
public record MovementBatch(List<NewMovement> movements) {
}
