package org.frontline.quarantine;

import java.util.List;

/** A person of a key population in a facility (masked), with today's follow-up calls. */
public record KeyPersonCall(Stay stay, List<FollowUp> today) {
}
