package org.frontline.shared;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A CJK font (Noto Sans CJK, whose CFF outlines PDFBox cannot embed as a font) whose text is drawn into PDF pages as
 * vector outlines, so a PDF of Chinese text needs no font to print and stays small.
 */
public final class OutlineFont {

	private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

	private final Font font;

	private OutlineFont(Font font) {
		this.font = font;
	}

	/**
	 * Loads the font from a font file or collection (its simplified-Chinese face when it has one).
	 *
	 * @throws IllegalStateException naming the file and the Debian package when it is missing or unreadable
	 */
	public static OutlineFont load(String path) {
		File file = new File(path);
		if (!file.isFile()) {
			throw new IllegalStateException("The CJK font " + path
					+ " is missing: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) or set frontline.cards.font.");
		}
		try {
			Font[] fonts = Font.createFonts(file);
			Font chosen = Arrays.stream(fonts)
				.filter(f -> f.getFontName().contains("CJK SC") || f.getFontName().contains("CJKsc"))
				.findFirst()
				.orElse(fonts[0]);
			return new OutlineFont(chosen);
		}
		catch (FontFormatException | IOException ex) {
			throw new IllegalStateException("The CJK font " + path + " could not be read: " + ex.getMessage(), ex);
		}
	}

	/** The width of a line of text at a size, in PDF points. */
	public float width(String value, float size) {
		if (value == null || value.isEmpty()) {
			return 0;
		}
		return (float) font.deriveFont(size).getStringBounds(value, CONTEXT).getWidth();
	}

	/** Draws a line of text as filled glyph outlines (PDF y grows upwards, Java2D's downwards). */
	public void draw(PDPageContentStream out, String value, float size, float x, float baseline) throws IOException {
		if (value == null || value.isEmpty()) {
			return;
		}
		Shape outline = font.deriveFont(size).createGlyphVector(CONTEXT, value).getOutline();
		AffineTransform flip = new AffineTransform(1, 0, 0, -1, x, baseline);
		PathIterator path = outline.getPathIterator(flip);
		float[] c = new float[6];
		float lastX = 0;
		float lastY = 0;
		while (!path.isDone()) {
			switch (path.currentSegment(c)) {
				case PathIterator.SEG_MOVETO -> {
					out.moveTo(c[0], c[1]);
					lastX = c[0];
					lastY = c[1];
				}
				case PathIterator.SEG_LINETO -> {
					out.lineTo(c[0], c[1]);
					lastX = c[0];
					lastY = c[1];
				}
				case PathIterator.SEG_QUADTO -> {
					out.curveTo(lastX + 2f / 3 * (c[0] - lastX), lastY + 2f / 3 * (c[1] - lastY),
							c[2] + 2f / 3 * (c[0] - c[2]), c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
					lastX = c[2];
					lastY = c[3];
				}
				case PathIterator.SEG_CUBICTO -> {
					out.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
					lastX = c[4];
					lastY = c[5];
				}
				case PathIterator.SEG_CLOSE -> out.closePath();
				default -> {
				}
			}
			path.next();
		}
		if (outline.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD) {
			out.fillEvenOdd();
		}
		else {
			out.fill();
		}
	}
}
