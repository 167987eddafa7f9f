package org.frontline.interop.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.hl7.fhir.r4.formats.JsonCreatorDirect;
import org.hl7.fhir.r4.formats.JsonParser;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resources as NDJSON lines for the bulk export, written by the FHIR core library's R4 composer (code generated per
 * resource type from the specification, shipped with HAPI's R4 model) instead of HAPI's parser, which walks every
 * element through its reflective model definitions: the same JSON ({@code NdjsonLinesTests}) for a fraction of the
 * CPU, which is what an export of millions of resources spends. Not thread-safe: one per file being written.
 */
final class NdjsonLines {

	private final JsonParser composer = new JsonParser();

	private final Buffer out;

	NdjsonLines(Writer out) {
		this.out = new Buffer(out);
	}

	void write(Resource resource) {
		try {
			JsonCreatorDirect json = new Creator(out);
			json.beginObject();
			composer.compose(json, resource);
			json.endObject();
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Hands the lines written so far to the writer and flushes it. */
	void flush() {
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A buffer in front of the writer without the lock {@code BufferedWriter} takes on every call: the composer writes
	 * every name, value, colon and comma apart, dozens of calls a resource.
	 */
	static final class Buffer extends Writer {

		private final Writer out;

		private final char[] chars = new char[1 << 16];

		private int size;

		Buffer(Writer out) {
			this.out = out;
		}

		@Override
		public void write(int c) throws IOException {
			if (size == chars.length) {
				drain();
			}
			chars[size++] = (char) c;
		}

		@Override
		public void write(String text) throws IOException {
			write(text, 0, text.length());
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			if (length > chars.length - size) {
				drain();
				if (length > chars.length) {
					out.write(text, offset, length);
					return;
				}
			}
			text.getChars(offset, offset + length, chars, size);
			size += length;
		}

		@Override
		public void write(char[] text, int offset, int length) throws IOException {
			if (length > chars.length - size) {
				drain();
				if (length > chars.length) {
					out.write(text, offset, length);
					return;
				}
			}
			System.arraycopy(text, offset, chars, size, length);
			size += length;
		}

		@Override
		public void flush() throws IOException {
			drain();
			out.flush();
		}

		@Override
		public void close() throws IOException {
			flush();
			out.close();
		}

		private void drain() throws IOException {
			if (size > 0) {
				out.write(chars, 0, size);
				size = 0;
			}
		}
	}

	/**
	 * The core library's direct JSON writer with its string values escaped here: the library's escape
	 * ({@code Utilities.escapeJson}) looks every character up in a list of whitespace it allocates per character, which
	 * was over half of an export's CPU. Escapes exactly the same characters the same way ({@code NdjsonLinesTests}
	 * compares every UTF-16 code unit): quote, backslash, CR, LF and tab by their short escapes, other control
	 * characters and the Unicode whitespace the library lists (except the plain space) as {@code \}{@code uxxxx}.
	 */
	static final class Creator extends JsonCreatorDirect {

		private final StringBuilder quoted = new StringBuilder(256);

		Creator(Writer writer) {
			super(writer);
		}

		@Override
		public void value(String value) throws IOException {
			quoted.setLength(0);
			quoted.append('"');
			if (value != null) {
				escape(value, quoted);
			}
			quoted.append('"');
			// valueNum writes its argument as it is, after the same separator value(String) writes.
			super.valueNum(quoted.toString());
		}

		static void escape(String value, StringBuilder out) {
			int length = value.length();
			int from = 0;
			for (int i = 0; i < length; i++) {
				char c = value.charAt(i);
				if (c >= 32 && c != '"' && c != '\\' && (c < 0x85 || !unicodeSpace(c))) {
					continue;
				}
				out.append(value, from, i);
				from = i + 1;
				switch (c) {
					case '\r' -> out.append("\\r");
					case '\n' -> out.append("\\n");
					case '\t' -> out.append("\\t");
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					default -> {
						String hex = Integer.toHexString(c);
						out.append("\\u");
						for (int pad = hex.length(); pad < 4; pad++) {
							out.append('0');
						}
						out.append(hex);
					}
				}
			}
			out.append(value, from, length);
		}

		/** The whitespace above ASCII in the core library's list ({@code Utilities.isWhitespace}). */
		private static boolean unicodeSpace(char c) {
			return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
					|| c == 0x202F || c == 0x205F || c == 0x3000;
		}
	}
}
