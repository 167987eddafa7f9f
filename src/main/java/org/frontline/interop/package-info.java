/**
 * FHIR R4 in and out (HAPI FHIR's model, parser and validator): residents as Patients, tubes as Specimens with the
 * Group of their pooled people, tube results and the results derived for each person as Observations, a person's round
 * as a DiagnosticReport; lab results in as Bundles through the testing module's rules; the Bulk Data export of a round.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interop")
package org.frontline.interop;
