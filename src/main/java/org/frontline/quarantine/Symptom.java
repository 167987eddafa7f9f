package org.frontline.quarantine;

/** Symptoms staff record; the district chooses which of them open an anomaly. */
public enum Symptom {

	FEVER, COUGH, SORE_THROAT, SHORTNESS_OF_BREATH, LOSS_OF_TASTE_OR_SMELL, FATIGUE, HEADACHE, MUSCLE_ACHE, DIARRHEA,
	RUNNY_NOSE

}
