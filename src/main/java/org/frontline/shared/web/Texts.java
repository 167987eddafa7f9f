package org.frontline.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts {@link Message}s and {@link Problem}s into words in the reader's language. A page is in the language the
 * person chose (the page locale); an API call is in the language of its {@code Accept-Language} header, and in the
 * page locale when it sends none (so a page's own script gets the page's language). Chinese is the default; English
 * is the other language.
 */
@Component
public class Texts {

	public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	private final LocaleResolver locales;

	Texts(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	/** The language of a request: {@code Accept-Language} for the API, the page locale otherwise. */
	public Locale locale(HttpServletRequest request) {
		if (ProblemHandling.wantsJson(request)) {
			Locale accepted = accepted(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
			if (accepted != null) {
				return accepted;
			}
		}
		return supported(locales.resolveLocale(request));
	}

	/** The language of the current request, or the default outside one. */
	public Locale locale() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return locale(attributes.getRequest());
		}
		return supported(LocaleContextHolder.getLocale());
	}

	/** The text of a message in the current request's language. */
	public String text(MessageSourceResolvable message) {
		return text(message, locale());
	}

	public String text(MessageSourceResolvable message, Locale locale) {
		return messages.getMessage(message, locale);
	}

	/** What went wrong, in one line for a page: the detail, or every wrong field's message. */
	public String text(Problem problem) {
		return detailText(problem, locale());
	}

	/** The RFC 9457 body of a problem in a language. */
	public ProblemDetail detail(Problem problem, Locale locale) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), detailText(problem, locale));
		detail.setType(problem.type());
		detail.setTitle(title(problem, locale));
		if (!problem.errors().isEmpty()) {
			List<Map<String, Object>> errors = new ArrayList<>();
			for (Problem.FieldError error : problem.errors()) {
				errors.add(Map.of("field", error.field(), "message", text(error.message(), locale)));
			}
			detail.setProperty("errors", errors);
		}
		problem.properties().forEach(detail::setProperty);
		return detail;
	}

	String title(Problem problem, Locale locale) {
		if (problem.title() != null) {
			return text(problem.title(), locale);
		}
		String specific = messages.getMessage("problem." + problem.slug(), null, null, locale);
		if (specific != null) {
			return specific;
		}
		return messages.getMessage("problem.status." + problem.status().value(), null,
				problem.status().getReasonPhrase(), locale);
	}

	private String detailText(Problem problem, Locale locale) {
		if ("problem.invalid-input.detail".equals(problem.detail().key()) && !problem.errors().isEmpty()) {
			String separator = messages.getMessage("problem.separator", null, "; ", locale);
			return String.join(separator, problem.errors().stream().map(e -> text(e.message(), locale)).toList());
		}
		return text(problem.detail(), locale);
	}

	/** The supported language a header asks for first, or null when it asks for none of them (or there is none). */
	static Locale accepted(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				if (range.getWeight() <= 0) {
					continue;
				}
				String language = range.getRange().split("-")[0];
				if ("zh".equals(language) || "*".equals(language)) {
					return DEFAULT;
				}
				if ("en".equals(language)) {
					return Locale.ENGLISH;
				}
			}
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
		return null;
	}

	private static Locale supported(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : DEFAULT;
	}
}
