package org.frontline.testing;

/** Why a resident came forward: a positive antigen self-test, or fever and other symptoms. */
public enum SelfReportKind {

	ANTIGEN_POSITIVE, SYMPTOMS

}
