package org.frontline.supplies;

/**
 * One movement as a client sends it. {@code clientId} (a UUID the client makes) applies it exactly once;
 * {@code from}/{@code to} are places ({@code SITE:12}); {@code lot} and {@code expiresOn} (ISO date) name a lot of an
 * item kept by lot; {@code reason} explains an adjustment, write-off or reversal; {@code donor} names the donor of a
 * DONATION (a donor's id, or a company's name); {@code reverses} is the id of the movement a REVERSAL undoes. Every
 * value is checked by the ledger, which answers what is wrong per movement.
 */
public record NewMovement(String clientId, String type, String item, Long quantity, String from, String to, String lot,
		String expiresOn, String reason, String donor, Long reverses) {

	public static NewMovement issue(String clientId, String item, long quantity, String from) {
		return new NewMovement(clientId, MovementType.ISSUE.name(), item, quantity, from, null, null, null, null, null,
				null);
	}
}
