/**
 * The append-only audit log: who did what to which record, when and from where.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
		allowedDependencies = { "shared" })
package org.frontline.audit;
