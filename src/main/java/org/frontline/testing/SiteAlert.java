package org.frontline.testing;

import java.time.Instant;

/** Something a site's leader must see now: its kind ({@code FEVER} at check-in), when, and who (masked) with what. */
public record SiteAlert(Instant at, String kind, String detail) {
}
