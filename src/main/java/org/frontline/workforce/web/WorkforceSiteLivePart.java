package org.frontline.workforce.web;

import java.util.Map;
import java.util.Optional;

import org.frontline.shared.Viewers;
import org.frontline.testing.SiteLivePart;
import org.frontline.workforce.Staffing;
import org.frontline.workforce.internal.WorkforceAccess;
import org.springframework.stereotype.Component;

/** The site leader's live page shows who is on duty at the site now and where the gaps are. */
@Component
class WorkforceSiteLivePart implements SiteLivePart {

	private final Staffing staffing;

	WorkforceSiteLivePart(Staffing staffing) {
		this.staffing = staffing;
	}

	@Override
	public Optional<Part> of(long siteId) {
		if (!Viewers.require().hasAny(WorkforceAccess.READERS)) {
			return Optional.empty();
		}
		return staffing.atSite(siteId)
			.map(staff -> new Part(10, "workforce/fragments/site", "staff", Map.of("staff", staff)));
	}
}
