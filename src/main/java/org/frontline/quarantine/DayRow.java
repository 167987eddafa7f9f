package org.frontline.quarantine;

import java.util.List;

/** One room on a facility's day sheet: its stay (masked), today's observations and what is still missing today. */
public record DayRow(Room room, Stay stay, int day, List<Observation> today, List<Missing> missing) {
}
