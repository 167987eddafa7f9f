package org.frontline.supplies;

/** What an item is for. */
public enum ItemCategory {

	PPE, SAMPLING, DISINFECTION, LIVING, MEDICINE

}
