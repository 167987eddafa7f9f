package org.frontline.supplies;

import java.util.List;

/**
 * A post asks a warehouse for items: {@code place} and {@code warehouse} written {@code KIND:ID}, {@code neededBy} an
 * ISO date-time with offset ({@code 2022-04-08T18:00+08:00}), one line per item. {@code clientId} (a UUID) makes a
 * resent request one request.
 */
public record NewRequest(String clientId, String place, String warehouse, String neededBy, String note,
		List<RequestedItem> lines) {

	/** An item and how many of it. */
	public record RequestedItem(String item, Long quantity) {
	}
}
