package org.frontline.testing;

import java.math.BigDecimal;

/** A corrected result for a tube and why it was corrected. */
public record ResultCorrection(String outcome, BigDecimal ctOrf1ab, BigDecimal ctN, String reason) {
}
