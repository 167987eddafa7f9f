/**
 * What every module shares: who is asking ({@link org.frontline.shared.Viewer}), area codes, masking of personal
 * data and the problem type that errors leave as.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.frontline.shared;
