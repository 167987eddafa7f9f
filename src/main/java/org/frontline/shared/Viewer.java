package org.frontline.shared;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in user on whose behalf a request runs: roles, the area they are scoped to and, for staff of one place,
 * that place (a {@link Workplace} with its id). Every query that returns people is bounded by {@link #scopeLow()} and
 * {@link #scopeHigh()}.
 */
public record Viewer(long userId, String username, Set<Role> roles, String scopeArea, Map<Workplace, Long> places)
		implements Serializable {

	public Viewer {
		places = places == null ? Map.of() : typed(places);
	}

	public Viewer(long userId, String username, Set<Role> roles, String scopeArea) {
		this(userId, username, roles, scopeArea, Map.of());
	}

	/** The id of the place of this kind the viewer is limited to, or null when not limited to one. */
	public Long place(Workplace kind) {
		return places.get(kind);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... wanted) {
		return Arrays.stream(wanted).anyMatch(roles::contains);
	}

	public boolean covers(String areaCode) {
		return AreaCodes.contains(scopeArea, areaCode);
	}

	public String scopePrefix() {
		return AreaCodes.prefix(scopeArea);
	}

	/** Inclusive lower bound of the area codes this viewer may see. */
	public String scopeLow() {
		return scopePrefix();
	}

	/** Exclusive upper bound of the area codes this viewer may see. */
	public String scopeHigh() {
		return AreaCodes.upperBound(scopePrefix());
	}

	/**
	 * Page sessions signed in before place kinds were a type hold their codes as keys; a record is deserialized
	 * through its constructor, so they are read here as the kinds they name (else such a user would lose their place).
	 */
	private static Map<Workplace, Long> typed(Map<?, Long> places) {
		Map<Workplace, Long> typed = new EnumMap<>(Workplace.class);
		places.forEach((kind, id) -> typed.put(kind instanceof Workplace workplace ? workplace
				: Workplace.ofCode(String.valueOf(kind)).orElseThrow(), id));
		return Map.copyOf(typed);
	}
}
