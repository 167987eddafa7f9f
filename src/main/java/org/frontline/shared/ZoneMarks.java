package org.frontline.shared;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The control zone in force for an area or a resident, for the pages of modules the zones module builds on (testing's
 * coverage and not-yet-tested list, a resident's record): it contributes the one bean, so they know no zone type. A
 * module asks for it through an {@code ObjectProvider} and shows nothing when there is none.
 */
public interface ZoneMarks {

	/**
	 * For each of these area codes that is in a zone: the strictest zone covering it as a whole, or a stricter zone on
	 * some of its buildings (then {@link ZoneMark#partial()}).
	 */
	Map<String, ZoneMark> ofAreas(Collection<String> areaCodes);

	/** The zone of a resident living in {@code areaCode} (a compound) and {@code building}. */
	Optional<ZoneMark> ofResident(String areaCode, String building);
}
