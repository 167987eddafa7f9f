package org.frontline.quarantine;

/** Where a released person goes: a destination, its address and (for home) the community taking over. */
public record ReleaseForm(Destination destination, String address, String community) {
}
