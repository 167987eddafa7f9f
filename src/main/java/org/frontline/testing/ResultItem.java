package org.frontline.testing;

import java.math.BigDecimal;

/** One tube's result as a lab sends it: outcome NEGATIVE, POSITIVE or INVALID, optional Ct values, when tested. */
public record ResultItem(String tubeCode, String outcome, BigDecimal ctOrf1ab, BigDecimal ctN, String testedAt) {
}
