package org.frontline.application;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files under their own prefixes, each named by its content hash and kept by browsers for a year (a page links
 * {@code /css/frontline-<md5>.css}). Only these prefixes are resource mappings, so that a page's ordinary links
 * ({@code /quarantine?area=...}) are not looked up as files in the jar on every render, as a catch-all mapping did.
 * <p>
 * The language of pages: the one the user picked ({@code ?lang=en} or {@code ?lang=zh_CN}, remembered in a cookie),
 * otherwise the browser's ({@code Accept-Language}) when it is Chinese or English, otherwise Chinese.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** The folders of {@code src/main/resources/static}. */
	private static final List<String> STATIC_PREFIXES = List.of("css", "js", "vendor");

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
		browser.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
		browser.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		CookieLocaleResolver resolver = new CookieLocaleResolver("frontline-lang");
		resolver.setDefaultLocaleFunction(browser::resolveLocale);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String prefix : STATIC_PREFIXES) {
			registry.addResourceHandler("/" + prefix + "/**")
				.addResourceLocations("classpath:/static/" + prefix + "/")
				.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}
}
