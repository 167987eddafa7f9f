package org.frontline.zones.internal;

/** How lockdown proposals are named in the command centre's alerts: one alert per proposal. */
public final class ZoneProposalsAlerts {

	public static final String SOURCE = "zones";

	private ZoneProposalsAlerts() {
	}

	public static String key(long proposalId) {
		return "proposal-" + proposalId;
	}
}
