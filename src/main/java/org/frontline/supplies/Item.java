package org.frontline.supplies;

/**
 * An item of the catalogue: counted in {@code unit}, delivered in packs of {@code packSize}, kept by lot and expiry
 * when {@code lotTracked}.
 */
public record Item(String code, String name, String nameEn, ItemUnit unit, int packSize, ItemCategory category,
		boolean lotTracked) {

	/** The name in the reader's language (English when asked for and known). */
	public String name(boolean english) {
		return english && nameEn != null && !nameEn.isBlank() ? nameEn : name;
	}
}
