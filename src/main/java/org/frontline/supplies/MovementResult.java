package org.frontline.supplies;

import java.util.List;

import org.frontline.shared.Message;

/**
 * The answer to one movement: ACCEPTED with the ids of the ledger rows it wrote (one per lot), DUPLICATE when its
 * client id was applied before (nothing written again), or REJECTED with the problem {@code type}, the {@code field}
 * that is wrong, the {@code reason} and, when there was too little stock, how much is {@code available}.
 */
public record MovementResult(String clientId, MovementStatus status, List<Long> movements, String type, String field,
		Message reason, Long available) {

	public MovementResult {
		movements = movements == null ? List.of() : List.copyOf(movements);
	}

	public static MovementResult accepted(String clientId, List<Long> movements) {
		return new MovementResult(clientId, MovementStatus.ACCEPTED, movements, null, null, null, null);
	}

	public static MovementResult duplicate(String clientId, List<Long> movements) {
		return new MovementResult(clientId, MovementStatus.DUPLICATE, movements, null, null, null, null);
	}

	public boolean accepted() {
		return status == MovementStatus.ACCEPTED;
	}
}
