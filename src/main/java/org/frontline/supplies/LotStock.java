package org.frontline.supplies;

import java.time.LocalDate;

/** What a place holds of one lot of an item ({@code lot} empty for items not kept by lot). */
public record LotStock(String lot, LocalDate expiresOn, long quantity, boolean expired) {
}
