package org.frontline.interop.web;

import java.time.Clock;
import java.util.Date;

import org.frontline.interop.internal.Codes;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.springframework.stereotype.Component;

/** The CapabilityStatement: exactly the interactions, search parameters and operations Frontline supports. */
@Component
class Capabilities {

	private final Date published;

	Capabilities(Clock clock) {
		this.published = Date.from(clock.instant());
	}

	CapabilityStatement statement(String base) {
		CapabilityStatement statement = new CapabilityStatement();
		statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
		statement.setDate(published);
		statement.setPublisher("Frontline");
		statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
		statement.getSoftware().setName("Frontline");
		statement.getImplementation().setDescription("Frontline FHIR R4 interface").setUrl(base);
		statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
		statement.addFormat("application/fhir+json");
		statement.addFormat("json");
		CapabilityStatementRestComponent rest = statement.addRest();
		rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
		rest.getSecurity()
			.addService(new CodeableConcept().addCoding(new Coding(
					"http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth"))
				.setText("Bearer tokens of Frontline accounts (POST /api/v1/auth/login, or a lab's or device's token)"))
			.setDescription("The same bearer tokens, roles and area scopes as Frontline's JSON API.");
		rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH)
			.setDocumentation("Lab results: Observations of tubes (LOINC 94500-6) naming the tube's Specimen.");
		rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
			.setDocumentation("Lab results, all or nothing.");
		rest.addOperation().setName("export")
			.setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export")
			.setDocumentation("Bulk Data export of a round (parameter round; _type, _since).");

		CapabilityStatementRestResourceComponent patient = resource(rest, "Patient",
				"A resident; the ID number is masked unless the caller's scope covers the person (then the read is audited).");
		search(patient, "identifier", SearchParamType.TOKEN, "ID number (" + Codes.RESIDENT_ID + "|<number>)");
		search(patient, "name", SearchParamType.STRING, "Name");
		paging(patient);

		CapabilityStatementRestResourceComponent specimen = resource(rest, "Specimen",
				"A sampling tube; pooled tubes carry R5 Specimen.combined = pooled and name the Group of their people.");
		search(specimen, "identifier", SearchParamType.TOKEN, "Tube barcode (" + Codes.TUBE + "|<code>)");
		search(specimen, "_tag", SearchParamType.TOKEN, "Round (" + Codes.ROUND + "|<round id>)");
		search(specimen, "_lastUpdated", SearchParamType.DATE, "ge or gt");
		paging(specimen);

		resource(rest, "Group", "The people sampled into a tube.");

		CapabilityStatementRestResourceComponent observation = resource(rest, "Observation",
				"A tube's SARS-CoV-2 RNA result (tube-<code>) with ORF1ab and N gene Ct components; what it says about "
						+ "each person in it (sample-<id>, derivedFrom the tube's).");
		search(observation, "patient", SearchParamType.REFERENCE, "A person's derived Observations");
		search(observation, "subject", SearchParamType.REFERENCE, "Same as patient");
		search(observation, "_tag", SearchParamType.TOKEN, "Round: the tubes' Observations");
		search(observation, "_lastUpdated", SearchParamType.DATE, "ge or gt");
		paging(observation);

		CapabilityStatementRestResourceComponent report = resource(rest, "DiagnosticReport",
				"A person's round (round-<round>-person-<person>); searched by patient or by round (_tag: "
						+ "the round's people in the caller's area).");
		search(report, "patient", SearchParamType.REFERENCE, "A person's reports");
		search(report, "subject", SearchParamType.REFERENCE, "Same as patient");
		search(report, "_tag", SearchParamType.TOKEN, "Round");
		search(report, "_lastUpdated", SearchParamType.DATE, "ge or gt");
		paging(report);
		return statement;
	}

	private static CapabilityStatementRestResourceComponent resource(CapabilityStatementRestComponent rest, String type,
			String documentation) {
		CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
		resource.setDocumentation(documentation);
		resource.addInteraction().setCode(TypeRestfulInteraction.READ);
		if (!"Group".equals(type)) {
			resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
		}
		return resource;
	}

	private static void search(CapabilityStatementRestResourceComponent resource, String name, SearchParamType type,
			String documentation) {
		resource.addSearchParam().setName(name).setType(type).setDocumentation(documentation);
	}

	private static void paging(CapabilityStatementRestResourceComponent resource) {
		search(resource, "_count", SearchParamType.NUMBER, "Page size, 1 to 500 (50)");
		search(resource, "_offset", SearchParamType.NUMBER, "Where the page starts");
	}
}
