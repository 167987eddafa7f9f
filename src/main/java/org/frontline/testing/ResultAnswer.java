package org.frontline.testing;

import org.frontline.shared.Message;

/**
 * The answer to one posted result: ACCEPTED, DUPLICATE (the same result was stored before) or REJECTED with a stable
 * reason (INVALID_ITEM, TUBE_UNKNOWN, NOT_RECEIVED, RESULT_DIFFERS).
 */
public record ResultAnswer(int index, String tubeCode, ScanResult.Status status, String reason, Message message) {
}
