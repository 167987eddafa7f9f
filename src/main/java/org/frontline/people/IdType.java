package org.frontline.people;

/** The kind of identity document a person is registered with. */
public enum IdType {

	RESIDENT_ID, PASSPORT, OTHER

}
