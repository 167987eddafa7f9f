package org.frontline.command;

import java.time.Instant;
import java.util.List;

/** The live view of an area: every module's part, each with the time it was read. */
public record Overview(String area, String areaName, Instant at, List<PartView> parts) {
}
