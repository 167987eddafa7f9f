package org.frontline.quarantine;

/** Where a released person goes; {@link #HOME} needs a passed home check and hands over to the community. */
public enum Destination {

	HOME, HOSPITAL, OTHER_FACILITY, OTHER

}
