/**
 * The application around the modules: the home page and the layout's navigation, the language of pages, the clock,
 * the web server's connector and its request-size limit. No module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application")
package org.frontline.application;
