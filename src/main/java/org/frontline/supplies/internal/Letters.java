package org.frontline.supplies.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.frontline.shared.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One-page A4 documents of the module (a delivery note, a donation's acknowledgement letter): a title, lines of text,
 * a table and optionally a QR code, in a CJK TrueType font embedded as a subset, so the text can be searched and
 * copied.
 */
@Component
public class Letters {

	/** A document to print: rows of the table are cells in column order; {@code qr} may be null. */
	public record Sheet(String title, List<String> lines, List<String> header, List<List<String>> rows,
			List<String> footer, String qr) {
	}

	private final String fontPath;

	private final String fontName;

	Letters(@Value("${frontline.supplies.font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String fontPath,
			@Value("${frontline.supplies.font-name:WenQuanYi Micro Hei}") String fontName) {
		this.fontPath = fontPath;
		this.fontName = fontName;
	}

	public byte[] render(Sheet sheet) {
		File file = new File(fontPath);
		if (!file.canRead()) {
			throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "font-missing", "supplies.pdf.font-missing", fontPath);
		}
		try (PDDocument document = new PDDocument(); TrueTypeCollection collection = new TrueTypeCollection(file)) {
			TrueTypeFont ttf = collection.getFontByName(fontName);
			if (ttf == null) {
				List<TrueTypeFont> all = new ArrayList<>();
				collection.processAllFonts(all::add);
				ttf = all.get(0);
			}
			PDType0Font font = PDType0Font.load(document, ttf, true);
			PDRectangle a4 = PDRectangle.A4;
			PDPage page = new PDPage(a4);
			document.addPage(page);
			float left = 56;
			float width = a4.getWidth() - 2 * left;
			float y = a4.getHeight() - 72;
			try (PDPageContentStream out = new PDPageContentStream(document, page)) {
				text(out, font, 20, left, y, sheet.title());
				if (sheet.qr() != null) {
					qr(out, sheet.qr(), left + width - 110, y - 110, 110);
				}
				y -= 36;
				for (String line : sheet.lines()) {
					text(out, font, 11, left, y, line);
					y -= 18;
				}
				y = Math.min(y, a4.getHeight() - 72 - 130) - 12;
				if (!sheet.header().isEmpty()) {
					float column = width / sheet.header().size();
					for (int i = 0; i < sheet.header().size(); i++) {
						text(out, font, 11, left + i * column, y, sheet.header().get(i));
					}
					y -= 6;
					out.moveTo(left, y);
					out.lineTo(left + width, y);
					out.stroke();
					y -= 16;
					for (List<String> row : sheet.rows()) {
						for (int i = 0; i < row.size(); i++) {
							text(out, font, 10, left + i * column, y, row.get(i));
						}
						y -= 16;
						if (y < 160) {
							break;
						}
					}
				}
				y -= 24;
				for (String line : sheet.footer()) {
					text(out, font, 11, left, y, line);
					y -= 22;
				}
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String value)
			throws IOException {
		if (value == null || value.isEmpty()) {
			return;
		}
		out.beginText();
		out.setFont(font, size);
		out.newLineAtOffset(x, y);
		out.showText(value.replaceAll("\\p{Cntrl}", " "));
		out.endText();
	}

	private static void qr(PDPageContentStream out, String payload, float x, float y, float size) throws IOException {
		BitMatrix modules;
		try {
			modules = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException(ex);
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
}
