package org.frontline.enterprise;

/** What makes a person in a loop an exception: a fever reported, or a positive test (PCR or antigen). */
public enum ExceptionKind {

	FEVER, POSITIVE

}
