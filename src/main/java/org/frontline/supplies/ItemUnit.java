package org.frontline.supplies;

/** The unit an item is counted in. */
public enum ItemUnit {

	SET, PIECE, PAIR, KIT, BOTTLE, PORTION

}
