package org.frontline.supplies;

import java.util.List;

/**
 * What a place holds of one item: usable stock (not expired), expired stock waiting to be written off, what is on its
 * way there, the expected daily use and how many days the usable stock lasts at it ({@code null}: no use expected).
 */
public record ItemStock(Item item, long usable, long expired, long inTransit, double dailyUse, Double days,
		CoverBasis basis, List<LotStock> lots) {

	public boolean low(double threshold) {
		return days != null && days < threshold;
	}
}
