package org.frontline.workforce.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.frontline.shared.OutlineFont;
import org.frontline.shared.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The workforce's printed documents, A4 PDFs with their text drawn as outlines of the CJK font: a post's QR poster
 * (workers scan it with their phone to check in) and a volunteer-hours certificate with its verification code.
 */
@Component
public class WorkforcePdfs {

	private final String fontPath;

	private volatile OutlineFont font;

	WorkforcePdfs(@Value("${frontline.cards.font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}") String fontPath) {
		this.fontPath = fontPath;
	}

	/** A poster: a title, the post's name, a large QR code of {@code url}, and lines of instruction under it. */
	public byte[] poster(String title, String postName, String url, List<String> lines) {
		return page((out, width, height) -> {
			centered(out, title, 30, width, height - 100);
			centered(out, postName, 22, width, height - 145);
			float size = 360;
			qr(out, url, (width - size) / 2, height - 190 - size, size);
			float y = height - 230 - size;
			for (String line : lines) {
				centered(out, line, 14, width, y);
				y -= 24;
			}
		});
	}

	/**
	 * A certificate: its title, the paragraphs of its text, the issuer and date, and the verification code with a QR
	 * code of the page that checks it.
	 */
	public byte[] certificate(String title, List<String> paragraphs, String issuer, String date, String codeLine,
			String verifyUrl, String verifyLine) {
		return page((out, width, height) -> {
			centered(out, title, 28, width, height - 120);
			float y = height - 200;
			for (String paragraph : paragraphs) {
				for (String line : wrap(paragraph, 15, width - 160)) {
					font().draw(out, line, 15, 80, y);
					y -= 28;
				}
				y -= 10;
			}
			font().draw(out, issuer, 14, width - 80 - font().width(issuer, 14), y - 40);
			font().draw(out, date, 14, width - 80 - font().width(date, 14), y - 66);
			qr(out, verifyUrl, 80, 90, 110);
			font().draw(out, codeLine, 12, 205, 160);
			font().draw(out, verifyLine, 10, 205, 138);
		});
	}

	private interface Drawing {

		void draw(PDPageContentStream out, float width, float height) throws IOException;
	}

	private byte[] page(Drawing drawing) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream out = new PDPageContentStream(document, page)) {
				drawing.draw(out, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void centered(PDPageContentStream out, String text, float size, float width, float baseline)
			throws IOException {
		font().draw(out, text, size, (width - font().width(text, size)) / 2, baseline);
	}

	/** Splits a paragraph into lines no wider than {@code width} (CJK text breaks between any two characters). */
	private List<String> wrap(String text, float size, float width) {
		List<String> lines = new java.util.ArrayList<>();
		StringBuilder line = new StringBuilder();
		text.codePoints().forEach(cp -> {
			String next = line.toString() + Character.toString(cp);
			if (font().width(next, size) > width && !line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.appendCodePoint(cp);
		});
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static void qr(PDPageContentStream out, String payload, float x, float y, float size) throws IOException {
		BitMatrix modules;
		try {
			modules = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("A QR code cannot hold " + payload.length() + " characters", ex);
		}
		float module = size / modules.getWidth();
		for (int row = 0; row < modules.getHeight(); row++) {
			for (int col = 0; col < modules.getWidth(); col++) {
				if (modules.get(col, row)) {
					out.addRect(x + col * module, y + size - (row + 1) * module, module, module);
				}
			}
		}
		out.fill();
	}

	private OutlineFont font() {
		if (font == null) {
			try {
				font = OutlineFont.load(fontPath);
			}
			catch (IllegalStateException ex) {
				throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "font-missing", "people.cards.font-missing", fontPath);
			}
		}
		return font;
	}
}
