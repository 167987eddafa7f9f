package org.frontline.testing;

import java.util.List;

/** Results posted together by one lab. */
public record ResultBatch(List<ResultItem> results) {
}
