package org.frontline.quarantine;

import java.util.List;

/** An anomaly was opened: the facility leader and the command centre are to be alerted. */
public record AnomalyOpened(long anomalyId, long facilityId, long stayId, List<String> reasons) {
}
