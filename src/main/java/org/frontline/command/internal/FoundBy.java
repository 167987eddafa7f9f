package org.frontline.command.internal;

/**
 * How a confirmed positive was found, the figure every district report leads with: already in quarantine, living in a
 * control zone, in the community's screening, or because they came forward themselves.
 */
public enum FoundBy {

	IN_QUARANTINE, IN_CONTROL_ZONE, COMMUNITY_SCREENING, SELF_REPORTED

}
