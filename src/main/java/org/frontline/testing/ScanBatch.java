package org.frontline.testing;

import java.util.List;

/** Events sent by one device in one request, applied in order. */
public record ScanBatch(String deviceId, List<ScanEvent> events) {
}
