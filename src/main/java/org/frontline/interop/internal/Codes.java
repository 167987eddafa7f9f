package org.frontline.interop.internal;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The code systems, codes and identifier systems Frontline's FHIR resources use. LOINC codes and display names are
 * LOINC's (see the README's FHIR section for where they were checked).
 */
public final class Codes {

	public static final String LOINC = "http://loinc.org";

	public static final String SNOMED = "http://snomed.info/sct";

	public static final String UCUM = "http://unitsofmeasure.org";

	/** China's resident identity card number (居民身份证号), as in the national health-record document standards. */
	public static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";

	public static final String PASSPORT = "https://frontline.org/fhir/sid/passport";

	public static final String OTHER_DOCUMENT = "https://frontline.org/fhir/sid/other-document";

	/** A sampling tube's barcode. */
	public static final String TUBE = "https://frontline.org/fhir/sid/tube";

	/** Tags every resource of a testing round carry: the round's id. */
	public static final String ROUND = "https://frontline.org/fhir/CodeSystem/round";

	/** What a pooled tube's result means for one person in it. */
	public static final String POOLED_RESULT = "https://frontline.org/fhir/CodeSystem/pooled-result";

	/** The administrative area (compound) code a resident is registered in. */
	public static final String AREA_CODE = "https://frontline.org/fhir/StructureDefinition/area-code";

	public static final String SAMPLING_SITE = "https://frontline.org/fhir/StructureDefinition/sampling-site";

	/** FHIR R5's Specimen.combined in R4, by the cross-version extension. */
	public static final String SPECIMEN_COMBINED = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Specimen.combined";

	public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

	public static final String V3_OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

	public static final String V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074";

	static final Coding SARS_COV_2_RNA = new Coding(LOINC, "94500-6",
			"SARS-CoV-2 (COVID-19) RNA [Presence] in Respiratory specimen by NAA with probe detection");

	static final Coding ORF1AB_CT = new Coding(LOINC, "94644-2",
			"SARS-CoV-2 (COVID-19) ORF1ab region [Cycle Threshold #] in Respiratory specimen by NAA with probe detection");

	static final Coding N_GENE_CT = new Coding(LOINC, "94510-5",
			"SARS-CoV-2 (COVID-19) N gene [Cycle Threshold #] in Unspecified specimen by NAA with probe detection");

	static final Coding SARS_COV_2_PANEL = new Coding(LOINC, "94531-1",
			"SARS-CoV-2 (COVID-19) RNA panel - Respiratory specimen by NAA with probe detection");

	static final Coding DETECTED = new Coding(SNOMED, "260373001", "Detected");

	static final Coding NOT_DETECTED = new Coding(SNOMED, "260415000", "Not detected");

	static final Coding INVALID_RESULT = new Coding(SNOMED, "455371000124106", "Invalid result");

	static final Coding INCONCLUSIVE = new Coding(SNOMED, "419984006", "Inconclusive");

	static final Coding THROAT_SWAB = new Coding(SNOMED, "258529004", "Throat swab");

	static final Coding POOL_NEGATIVE = new Coding(POOLED_RESULT, "pool-negative",
			"Pool negative: presumed negative");

	static final Coding POOL_POSITIVE = new Coding(POOLED_RESULT, "pool-positive",
			"Pool positive: individual retest required");

	static final Coding POOL_INVALID = new Coding(POOLED_RESULT, "pool-invalid",
			"Pool invalid: individual retest required");

	static final Coding LABORATORY = new Coding(OBSERVATION_CATEGORY, "laboratory", "Laboratory");

	static final Coding REDACTED = new Coding(V3_OBSERVATION_VALUE, "REDACTED", "redacted");

	static final Coding VIROLOGY = new Coding(V2_0074, "VR", "Virology");

	private Codes() {
	}

	static CodeableConcept concept(Coding... codings) {
		CodeableConcept concept = new CodeableConcept();
		for (Coding coding : codings) {
			concept.addCoding(coding.copy());
		}
		return concept;
	}
}
