package org.frontline.workforce.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.frontline.people.IdType;
import org.frontline.people.ResidentIdNumber;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem.FieldError;
import org.frontline.shared.Validation;
import org.frontline.workforce.NewWorker;
import org.frontline.workforce.Skill;
import org.frontline.workforce.WorkerKind;
import org.frontline.workforce.WorkerStatus;
import org.frontline.workforce.internal.WorkerRepository.WorkerRow;

/**
 * What makes a worker valid, whichever way they come in (the API, the page, a unit's file): a resident ID number
 * with a valid GB 11643 check digit (other documents as given), a cadre with the unit that sent them, sampling only
 * for medical staff with a licence, an area that exists inside the registering user's scope (the unit's area or the
 * user's own when none is given).
 */
public final class WorkerRules {

	private WorkerRules() {
	}

	/** A checked worker (not yet linked to a resident), or every reason it is not valid. */
	public record Checked(WorkerRow row, List<FieldError> errors) {

		public boolean valid() {
			return errors.isEmpty();
		}
	}

	/**
	 * Checks a worker beyond its field constraints. {@code unitArea} gives a unit's area (empty when the unit does
	 * not exist), {@code areaKnown} tells an existing area, {@code inScope} one the registering user covers.
	 */
	public static Checked check(NewWorker form, Function<Long, Optional<String>> unitArea, Predicate<String> areaKnown,
			Predicate<String> inScope, String defaultArea, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		IdType idType = form.idType() == null ? IdType.RESIDENT_ID : form.idType();
		String idNumber = form.idNumber() == null ? null : form.idNumber().strip().toUpperCase(Locale.ROOT);
		if (idType == IdType.RESIDENT_ID && idNumber != null) {
			try {
				idNumber = ResidentIdNumber.parse(idNumber, today).value();
			}
			catch (ResidentIdNumber.InvalidIdNumberException invalid) {
				errors.add(new FieldError("idNumber", invalid.key()));
			}
		}
		else if (idNumber != null && !idNumber.matches("[0-9A-Z-]{4,30}")) {
			errors.add(new FieldError("idNumber", "workforce.worker.document-invalid"));
		}
		String unitArea0 = null;
		if (form.unit() != null) {
			Optional<String> area = unitArea.apply(form.unit());
			if (area.isEmpty()) {
				errors.add(new FieldError("unit", "workforce.unit.not-found", form.unit()));
			}
			else {
				unitArea0 = area.get();
			}
		}
		else if (form.kind() == WorkerKind.CADRE) {
			errors.add(new FieldError("unit", "workforce.worker.unit-required"));
		}
		boolean canSample = Boolean.TRUE.equals(form.canSample());
		String licence = Validation.optional(form.licence());
		if (canSample && form.kind() != WorkerKind.MEDICAL) {
			errors.add(new FieldError("canSample", "workforce.worker.sampling-medical-only"));
		}
		if (canSample && licence == null) {
			errors.add(new FieldError("licence", "workforce.worker.licence-required"));
		}
		String area = Validation.optional(form.area());
		if (area == null) {
			area = unitArea0 != null ? unitArea0 : defaultArea;
		}
		if (area == null || !AreaCodes.wellFormed(area) || !areaKnown.test(area)) {
			errors.add(new FieldError("area", "workforce.area.unknown", area == null ? "" : area));
		}
		else if (!inScope.test(area)) {
			errors.add(new FieldError("area", "workforce.area.outside-scope", area));
		}
		if (!errors.isEmpty()) {
			return new Checked(null, errors);
		}
		List<Skill> skills = form.skills() == null ? List.of() : List.copyOf(new LinkedHashSet<>(form.skills()));
		WorkerStatus status = form.status() == null ? WorkerStatus.ACTIVE : form.status();
		return new Checked(new WorkerRow(form.name().strip(), idType, idNumber, Validation.optional(form.phone()), form.kind(),
				form.unit(), skills, canSample, licence, status, area, null, Validation.optional(form.account()),
				Validation.optional(form.availability())), List.of());
	}

}
