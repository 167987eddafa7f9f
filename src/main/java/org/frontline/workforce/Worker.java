package org.frontline.workforce;

import java.util.List;

import org.frontline.people.IdType;
import org.frontline.shared.Masking;

/**
 * A person on the front line: their document, phone, kind (a cadre with the unit that sent them, a volunteer, medical
 * staff with their licence and whether they may sample, ...), skills and status; {@code area} is where they belong
 * (a volunteer's community, a unit's area), {@code personId} the resident record when they are a resident, and
 * {@code account} the user name they sign in with.
 */
public record Worker(long id, String name, IdType idType, String idNumber, String phone, WorkerKind kind, Long unit,
		String unitName, List<Skill> skills, boolean canSample, String licence, WorkerStatus status, String area,
		Long personId, String account, String availability) {

	public Worker {
		skills = skills == null ? List.of() : List.copyOf(skills);
	}

	/** As lists show it: the document and phone masked. */
	public Worker masked() {
		return new Worker(id, name, idType, Masking.idNumber(idNumber), Masking.phone(phone), kind, unit, unitName,
				skills, canSample, licence, status, area, personId, account, availability);
	}
}
