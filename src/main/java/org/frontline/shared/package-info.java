/**
 * What every module shares: who is asking ({@link org.frontline.shared.Viewer}), area codes, masking of personal
 * data, value types with rules ({@link org.frontline.shared.MobileNumber}), and the problem type that errors leave as
 * with its texts as message keys ({@link org.frontline.shared.Problem}, {@link org.frontline.shared.Message},
 * {@link org.frontline.shared.Validation}; how to use them: {@code docs/problems.md}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.frontline.shared;
