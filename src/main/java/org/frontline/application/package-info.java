/**
 * The application around the modules: the home page, what every page's layout and templates use ({@code #layout},
 * {@code #labels}, {@code #when}, {@code #figures}), the language of pages, the clock in the district's time zone,
 * the web server's connector and its request-size limit. No module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application",
		allowedDependencies = { "area", "shared" })
package org.frontline.application;
