package org.frontline.supplies;

import java.util.List;

/**
 * A donation as received: the donor (a known donor's id, or kind, name and contact), the place it went to
 * ({@code COMMUNITY:320602001001}), who received it, and the items. {@code clientId} (a UUID) makes a resent donation
 * one donation.
 */
public record NewDonation(String clientId, Long donorId, DonorKind donorKind, String donorName, String contact,
		String phone, String to, String receivedBy, String note, List<DonatedItem> items) {

	/** An item given: how many, and its lot and expiry when the item is kept by lot. */
	public record DonatedItem(String item, Long quantity, String lot, String expiresOn) {
	}
}
