package org.frontline.people.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.google.zxing.common.BitMatrix;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.frontline.shared.OutlineFont;

/**
 * A4 sheets of printed test cards, eight to a page. Text is drawn as vector outlines of a CJK font
 * ({@link OutlineFont}), so the PDF needs no font to print and stays small; QR codes are drawn module by module.
 */
public final class CardSheet {

	/** One card: the QR payload and the lines printed beside it. */
	public record Card(String payload, String maskedName, String compound, String address, String number) {
	}

	static final float CARD_WIDTH = 270;

	static final float CARD_HEIGHT = 190;

	static final int COLUMNS = 2;

	static final int ROWS = 4;

	private final OutlineFont font;

	private final String title;

	private final String instruction;

	private CardSheet(OutlineFont font, String title, String instruction) {
		this.font = font;
		this.title = title;
		this.instruction = instruction;
	}

	/**
	 * Loads the CJK font from a font file or collection.
	 *
	 * @throws IllegalStateException naming the file and the Debian package when it is missing
	 */
	public static CardSheet withFont(String path, String title, String instruction) {
		return new CardSheet(OutlineFont.load(path), title, instruction);
	}

	public byte[] render(List<Card> cards) {
		try (PDDocument document = new PDDocument()) {
			PDRectangle a4 = PDRectangle.A4;
			float marginX = (a4.getWidth() - COLUMNS * CARD_WIDTH) / 2;
			float marginY = (a4.getHeight() - ROWS * CARD_HEIGHT) / 2;
			int perPage = COLUMNS * ROWS;
			for (int start = 0; start < Math.max(1, cards.size()); start += perPage) {
				PDPage page = new PDPage(a4);
				document.addPage(page);
				try (PDPageContentStream out = new PDPageContentStream(document, page)) {
					for (int i = start; i < Math.min(cards.size(), start + perPage); i++) {
						int slot = i - start;
						float x = marginX + (slot % COLUMNS) * CARD_WIDTH;
						float top = a4.getHeight() - marginY - (slot / COLUMNS) * CARD_HEIGHT;
						card(out, cards.get(i), x, top);
					}
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

	private void card(PDPageContentStream out, Card card, float x, float top) throws IOException {
		out.setLineWidth(0.5f);
		out.setLineDashPattern(new float[] { 3, 3 }, 0);
		out.addRect(x + 4, top - CARD_HEIGHT + 4, CARD_WIDTH - 8, CARD_HEIGHT - 8);
		out.stroke();
		out.setLineDashPattern(new float[0], 0);
		text(out, title, 13, x + 14, top - 26);
		float qrSize = 120;
		qr(out, card.payload(), x + 12, top - 36 - qrSize, qrSize);
		float tx = x + 12 + qrSize + 12;
		text(out, card.maskedName(), 18, tx, top - 60);
		text(out, card.compound(), 10, tx, top - 84);
		text(out, card.address(), 10, tx, top - 102);
		text(out, card.number(), 9, tx, top - 124);
		text(out, instruction, 8, x + 14, top - CARD_HEIGHT + 16);
	}

	private void qr(PDPageContentStream out, String payload, float x, float y, float size) throws IOException {
		BitMatrix modules = QrCodes.matrix(payload, 2);
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

	private void text(PDPageContentStream out, String value, float size, float x, float baseline) throws IOException {
		font.draw(out, value, size, x, baseline);
	}
}
