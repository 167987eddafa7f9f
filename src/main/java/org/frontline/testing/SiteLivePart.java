package org.frontline.testing;

import java.util.Map;
import java.util.Optional;

/**
 * A part of a site's live page that another module contributes as a bean (who is on duty at the site and where the
 * gaps are), so that testing knows no such module: a Thymeleaf fragment and the values it shows.
 */
public interface SiteLivePart {

	/** The part for one site, or empty when there is nothing to show. */
	Optional<Part> of(long siteId);

	/**
	 * A fragment ({@code template} and {@code selector}, e.g. {@code workforce/fragments/site} and {@code staff}) and
	 * the values it reads as {@code part.model}; parts are shown in {@code order}.
	 */
	record Part(int order, String template, String selector, Map<String, Object> model) {
	}
}
