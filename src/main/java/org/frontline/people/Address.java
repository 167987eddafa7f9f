package org.frontline.people;

import jakarta.validation.constraints.Size;

/** Where in a compound a person lives: building (幢), unit (单元) and room (室). */
public record Address(@Size(max = 20) String building, @Size(max = 20) String unit, @Size(max = 20) String room) {

	public static final Address NONE = new Address(null, null, null);

	/** As a person would write it: {@code 12幢2单元301室}. */
	public String text() {
		StringBuilder sb = new StringBuilder();
		if (building != null && !building.isBlank()) {
			sb.append(building).append("幢");
		}
		if (unit != null && !unit.isBlank()) {
			sb.append(unit).append("单元");
		}
		if (room != null && !room.isBlank()) {
			sb.append(room).append("室");
		}
		return sb.toString();
	}
}
