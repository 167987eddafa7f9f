package org.frontline.shared;

import java.util.List;

/** One page of a list, with the total number of items the query matched. */
public record Page<T>(List<T> items, long total) {
}
