package org.frontline.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.frontline.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a request that failed because the database is unavailable (a failover, a restart) anywhere, in a
 * filter (sessions, tokens) as well as in a controller, is answered 503 with {@code Retry-After} instead of a 500:
 * a problem for the API (devices and the scanning page send again), for pages a short page in both languages that
 * reloads itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnavailableDatabaseFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(UnavailableDatabaseFilter.class);

	private static final byte[] PAGE = """
			<!DOCTYPE html>
			<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
			<meta http-equiv="refresh" content="%d"><title>请稍候 · Please wait</title></head>
			<body><p>数据库正在切换，请稍候，页面将自动刷新。</p>
			<p lang="en">The database is switching over; this page reloads by itself in a few seconds.</p></body></html>
			""".formatted(DatabaseUnavailable.RETRY_AFTER_SECONDS + 2).getBytes(StandardCharsets.UTF_8);

	private final ProblemWriter problems;

	UnavailableDatabaseFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex) || response.isCommitted()) {
				throw ex;
			}
			log.debug("Answered 503: the database is unavailable", ex);
			response.reset();
			if (ProblemHandling.wantsJson(request)) {
				problems.write(request, response, DatabaseUnavailable.problem());
				return;
			}
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
			response.setContentType("text/html;charset=UTF-8");
			response.setContentLength(PAGE.length);
			response.getOutputStream().write(PAGE);
		}
	}
}
