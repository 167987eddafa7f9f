package org.frontline.interop.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Component;

/**
 * HAPI's FHIR R4 context (its model's definitions, built once on first use and shared: parsers are cheap to make from
 * it) and the instance validator against the base R4 specification, also built on first use because it loads every R4
 * definition: neither costs the application's start.
 */
@Component
public class Fhir {

	private volatile FhirValidator validator;

	public FhirContext context() {
		return Context.R4;
	}

	/** Made on first use. Frontline's references name ids, so the writer need not look for resources to contain. */
	private static final class Context {

		static final FhirContext R4 = configured(FhirContext.forR4());

		private static FhirContext configured(FhirContext context) {
			context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
			return context;
		}
	}

	/** A JSON parser that refuses unknown elements and invalid values instead of skipping them. */
	public IParser strictParser() {
		return context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
	}

	/** A JSON writer of compact output, as Frontline answers. */
	public IParser writer() {
		return context().newJsonParser().setPrettyPrint(false);
	}

	public ValidationResult validate(IBaseResource resource) {
		return validator().validateWithResult(resource);
	}

	private FhirValidator validator() {
		FhirValidator built = validator;
		if (built == null) {
			synchronized (this) {
				built = validator;
				if (built == null) {
					FhirContext context = context();
					PrePopulatedValidationSupport crossVersion = new PrePopulatedValidationSupport(context);
					crossVersion.addStructureDefinition(specimenCombined());
					ValidationSupportChain support = new ValidationSupportChain(crossVersion,
							new DefaultProfileValidationSupport(context),
							new CommonCodeSystemsTerminologyService(context),
							new InMemoryTerminologyServerValidationSupport(context),
							new SnapshotGeneratingValidationSupport(context));
					FhirInstanceValidator instances = new FhirInstanceValidator(support);
					built = context.newValidator().registerValidatorModule(instances);
					validator = built;
				}
			}
		}
		return built;
	}

	/**
	 * FHIR R5's {@code Specimen.combined} (grouped | pooled) as the R4 cross-version extension, defined as the
	 * cross-version package defines it: HAPI's validator carries no cross-version definitions of its own.
	 */
	static StructureDefinition specimenCombined() {
		StructureDefinition definition = new StructureDefinition();
		definition.setUrl(Codes.SPECIMEN_COMBINED);
		definition.setName("R5SpecimenCombined");
		definition.setTitle("R5: Specimen.combined (new:code)");
		definition.setStatus(Enumerations.PublicationStatus.ACTIVE);
		definition.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
		definition.setKind(StructureDefinition.StructureDefinitionKind.COMPLEXTYPE);
		definition.setAbstract(false);
		definition.addContext().setType(StructureDefinition.ExtensionContextType.ELEMENT).setExpression("Specimen");
		definition.setType("Extension");
		definition.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Extension");
		definition.setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
		definition.getDifferential()
			.addElement(element("Extension").setShort("grouped | pooled").setMax("1"));
		definition.getDifferential().addElement(element("Extension.extension").setMax("0"));
		definition.getDifferential()
			.addElement(element("Extension.url").setFixed(new UriType(Codes.SPECIMEN_COMBINED)));
		ElementDefinition value = element("Extension.value[x]").setMin(1);
		value.addType().setCode("code");
		definition.getDifferential().addElement(value);
		return definition;
	}

	private static ElementDefinition element(String path) {
		ElementDefinition element = new ElementDefinition().setPath(path);
		element.setId(path);
		return element;
	}
}
