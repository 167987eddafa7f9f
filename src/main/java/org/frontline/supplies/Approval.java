package org.frontline.supplies;

import java.util.List;

import org.frontline.supplies.NewRequest.RequestedItem;

/** What a warehouse approves of a request, per item (an item left out gets nothing; no lines at all: everything). */
public record Approval(List<RequestedItem> lines) {
}
