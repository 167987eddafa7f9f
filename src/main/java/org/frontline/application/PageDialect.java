package org.frontline.application;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.frontline.shared.NavItem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.web.servlet.IServletWebExchange;

/**
 * The page conventions as Thymeleaf expression objects: {@code #layout} (what every page's layout shows),
 * {@code #labels} (any enum constant in the page's language), {@code #when} (dates and times in the district's zone,
 * one format) and {@code #figures} (numbers with thousands separators). See docs/pages.md.
 */
@Component
class PageDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final MessageSource messages;

	private final Clock clock;

	private final List<NavItem> navigation;

	private final boolean demo;

	PageDialect(MessageSource messages, Clock clock, List<NavItem> navigation,
			@Value("${frontline.demo.enabled:false}") boolean demo) {
		super("frontline");
		this.messages = messages;
		this.clock = clock;
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
		this.demo = demo;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("layout", "labels", "when", "figures");
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				return switch (name) {
					case "layout" -> new Layout(request(context), navigation, demo);
					case "labels" -> new Labels(messages, context.getLocale());
					case "when" -> new When(clock.getZone());
					case "figures" -> new Figures(context.getLocale());
					default -> null;
				};
			}

			@Override
			public boolean isCacheable(String name) {
				return true;
			}
		};
	}

	private static HttpServletRequest request(IExpressionContext context) {
		if (context instanceof IWebContext web && web.getExchange() instanceof IServletWebExchange servlet
				&& servlet.getNativeRequestObject() instanceof HttpServletRequest request) {
			return request;
		}
		return null;
	}
}
