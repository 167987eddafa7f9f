package org.frontline.supplies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A donation with its acknowledgement number: who gave what, where it went and who received it. {@code contact} and
 * {@code phone} are null on the public list.
 */
public record Donation(long id, String number, DonorKind donorKind, String donor, String contact, String phone,
		PlaceInfo to, String receivedBy, Instant receivedAt, String note, List<Given> items) {

	/** One item of the donation as it entered the ledger. */
	public record Given(Item item, long quantity, String lot, LocalDate expiresOn) {
	}
}
