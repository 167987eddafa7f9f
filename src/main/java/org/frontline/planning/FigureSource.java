package org.frontline.planning;

/** Where a figure a plan uses comes from: the settings, a past round, or the request itself. */
public enum FigureSource {
	DEFAULT, LEARNED, REQUEST
}
