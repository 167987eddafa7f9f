package org.frontline.supplies.internal;

/** The catalogue's sampling consumables: a tube per pool of n is {@code TUBE-n}, and every sample takes a swab. */
public final class TubeItems {

	public static final String SWAB = "SWAB";

	public static final String TUBE_PREFIX = "TUBE-";

	private TubeItems() {
	}

	public static String tube(int poolSize) {
		return TUBE_PREFIX + poolSize;
	}
}
