package org.frontline.testing;

import java.math.BigDecimal;
import java.util.List;

/**
 * One event of the device protocol, identified by a client-generated UUID so that it is stored once however often
 * it is sent. Which fields matter depends on {@link #type()}; a type the protocol does not know arrives as null and
 * the event is rejected on its own.
 */
public record ScanEvent(String eventId, ScanEventType type, String at, Long roundId, Long siteId, String tubeCode,
		Integer poolSize, String personCode, String idNumber, Boolean resample, BigDecimal temperature,
		String boxCode, String courier, Long labId, List<String> tubeCodes) {
}
