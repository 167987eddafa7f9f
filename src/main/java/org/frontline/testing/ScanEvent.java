package org.frontline.testing;

import java.math.BigDecimal;
import java.util.List;

/**
 * One event of the device protocol, identified by a client-generated UUID so that it is stored once however often
 * it is sent. Which fields matter depends on {@link #type()}: TUBE_OPENED, SAMPLED, SAMPLE_REMOVED, TUBE_SEALED,
 * CHECKED_IN, BOXED, BOX_DISPATCHED, BOX_RECEIVED.
 */
public record ScanEvent(String eventId, String type, String at, Long roundId, Long siteId, String tubeCode,
		Integer poolSize, String personCode, String idNumber, Boolean resample, BigDecimal temperature,
		String boxCode, String courier, Long labId, List<String> tubeCodes) {
}
