package org.frontline.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.frontline.shared.Problem;
import org.frontline.shared.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over its limit with 413, for every endpoint: JSON and anything else 4 MB, forms 2 MB (what
 * Tomcat parses), files (multipart uploads, CSV and XLSX imports) 21 MB. A declared Content-Length over the limit is
 * refused before anything reads the body, which costs a request that declares one nothing more. A body without a
 * length (chunked) is counted as it is read: past the limit the reader gets an exception, the client the 413, and
 * whatever the application then writes is discarded. Multipart bodies are parsed by Tomcat, which counts them against
 * {@code spring.servlet.multipart.max-request-size}, and chunked forms against
 * {@code server.tomcat.max-http-form-post-size} (2 MB).
 */
@Component
// After the character encoding filter: a chunked form's parameters are read here.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class JsonBodyLimit extends OncePerRequestFilter {

	static final long MAX_BYTES = 4L * 1024 * 1024;

	static final long FORM_BYTES = 2L * 1024 * 1024;

	static final long FILE_BYTES = 21L * 1024 * 1024;

	/** What Tomcat says when a form's parameters were not read because the body was over its limit. */
	private static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed_reason";

	private final ProblemWriter problems;

	JsonBodyLimit(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		long limit = limit(type == null ? "" : type.toLowerCase(Locale.ROOT));
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, limit);
			return;
		}
		if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
			chain.doFilter(request, response);
			return;
		}
		if (limit == FORM_BYTES) {
			request.getParameterMap();
			Object failure = request.getAttribute(PARSE_FAILED);
			if (failure != null && failure.toString().equals("POST_TOO_LARGE")) {
				refuse(request, response, limit);
				return;
			}
		}
		Counted counted = new Counted(request, response, limit);
		try {
			chain.doFilter(counted, counted.response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!counted.over) {
				throw ex;
			}
		}
	}

	private static long limit(String type) {
		if (type.startsWith("multipart/") || type.startsWith("text/csv") || type.startsWith("text/plain")
				|| type.contains("spreadsheet") || type.contains("excel") || type.startsWith("application/octet-stream")) {
			return FILE_BYTES;
		}
		return type.startsWith("application/x-www-form-urlencoded") ? FORM_BYTES : MAX_BYTES;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		// The rest of the body is not read: the connection ends with this answer.
		response.setHeader("Connection", "close");
		problems.write(request, response, new Problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
				"problem.body-too-large.detail", limit / 1024 / 1024));
		response.flushBuffer();
	}

	/** Thrown to whoever reads past the limit. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long limit) {
			super("The request body is over " + limit + " bytes.");
		}
	}

	/** A request whose body is counted as it is read, and its response, which is silenced once the body is over. */
	private final class Counted extends HttpServletRequestWrapper {

		private final HttpServletResponse original;

		private final Silenced response;

		private final long limit;

		private long read;

		private volatile boolean over;

		private ServletInputStream stream;

		private BufferedReader reader;

		Counted(HttpServletRequest request, HttpServletResponse response, long limit) {
			super(request);
			this.original = response;
			this.response = new Silenced(response);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new Counting(super.getInputStream());
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (reader == null) {
				String encoding = getCharacterEncoding();
				Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
				reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			return reader;
		}

		private void count(int bytes) throws IOException {
			read += bytes;
			if (read > limit) {
				if (!over) {
					over = true;
					refuse((HttpServletRequest) getRequest(), original, limit);
					response.silent = true;
				}
				throw new BodyTooLargeException(limit);
			}
		}

		private final class Counting extends ServletInputStream {

			private final ServletInputStream in;

			Counting(ServletInputStream in) {
				this.in = in;
			}

			@Override
			public int read() throws IOException {
				int b = in.read();
				if (b >= 0) {
					count(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = in.read(buffer, offset, length);
				if (n > 0) {
					count(n);
				}
				return n;
			}

			@Override
			public boolean isFinished() {
				return over || in.isFinished();
			}

			@Override
			public boolean isReady() {
				return in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				in.setReadListener(listener);
			}
		}
	}

	/** Passes everything through until {@link #silent}; then the application's status, headers and body go nowhere. */
	private static final class Silenced extends HttpServletResponseWrapper {

		private volatile boolean silent;

		private ServletOutputStream stream;

		private PrintWriter writer;

		Silenced(HttpServletResponse response) {
			super(response);
		}

		@Override
		public boolean isCommitted() {
			return silent || super.isCommitted();
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			if (!silent) {
				super.sendError(status, message);
			}
		}

		@Override
		public void sendError(int status) throws IOException {
			if (!silent) {
				super.sendError(status);
			}
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			if (!silent) {
				super.sendRedirect(location);
			}
		}

		@Override
		public void reset() {
			if (!silent) {
				super.reset();
			}
		}

		@Override
		public void resetBuffer() {
			if (!silent) {
				super.resetBuffer();
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (stream == null) {
				stream = new ServletOutputStream() {

					private ServletOutputStream out;

					private ServletOutputStream out() throws IOException {
						if (out == null) {
							out = Silenced.super.getOutputStream();
						}
						return out;
					}

					@Override
					public void write(int b) throws IOException {
						if (!silent) {
							out().write(b);
						}
					}

					@Override
					public void write(byte[] bytes, int offset, int length) throws IOException {
						if (!silent) {
							out().write(bytes, offset, length);
						}
					}

					@Override
					public void flush() throws IOException {
						if (!silent) {
							out().flush();
						}
					}

					@Override
					public boolean isReady() {
						try {
							return silent || out().isReady();
						}
						catch (IOException ex) {
							throw new IllegalStateException(ex);
						}
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						if (!silent) {
							try {
								out().setWriteListener(listener);
							}
							catch (IOException ex) {
								throw new IllegalStateException(ex);
							}
						}
					}
				};
			}
			return stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				writer = new PrintWriter(new Writer() {

					private Writer out;

					private Writer out() throws IOException {
						if (out == null) {
							out = Silenced.super.getWriter();
						}
						return out;
					}

					@Override
					public void write(char[] chars, int offset, int length) throws IOException {
						if (!silent) {
							out().write(chars, offset, length);
						}
					}

					@Override
					public void flush() throws IOException {
						if (!silent) {
							out().flush();
						}
					}

					@Override
					public void close() throws IOException {
						if (!silent) {
							out().close();
						}
					}
				});
			}
			return writer;
		}
	}
}
