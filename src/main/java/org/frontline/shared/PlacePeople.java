package org.frontline.shared;

import java.util.Set;

/**
 * The people a place has to do with (a facility: the people of its stays), for users limited to that place: the
 * registry shows such a user those people and nobody else. The module that owns the places provides a bean; a kind of
 * place without one (a sampling site, a lab) lets its users see nobody in the registry.
 */
public interface PlacePeople {

	/** The kind, as in {@link Viewer#place(Workplace)}. */
	Workplace kind();

	/** The ids of the people the place has to do with. */
	Set<Long> of(long placeId);

}
