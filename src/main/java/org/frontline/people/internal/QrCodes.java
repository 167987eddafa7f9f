package org.frontline.people.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of sampling codes: as a module matrix (for vector printing) or a PNG (for a phone screen).
 * <p>
 * A QR code may be drawn with any of eight mask patterns; the encoder picks one by the standard's penalty rules. For
 * about one payload in 150 that pick makes a symbol ZXing's decoder cannot find at any size, however sharp or
 * blurred (ZXing's reader is what the scanning page's camera uses where the browser has no native barcode detector,
 * as on iPhones). So the matrix is read back with ZXing before it is used, and when it does not read, the next mask
 * pattern is tried: a resident's card or phone code is one that the registrar's camera reads.
 */
public final class QrCodes {

	/** Pixels per module the matrix is read back at: whether a symbol reads can depend on how large it is seen. */
	private static final int[] CHECKED_SCALES = { 3, 5, 7, 10 };

	/**
	 * Pixels per module, not whole, at which the matrix is also read back drawn with smoothed edges, from two offsets
	 * of the pixel grid: a printed card rendered at 150 dpi has 6.8 pixels per module, and one such rendering in
	 * about 1,500 did not read although every whole scale did.
	 */
	private static final double[] CHECKED_FRACTIONAL_SCALES = { 2.6, 4.3, 6.7 };

	private static final double[] CHECKED_OFFSETS = { 0, 0.5 };

	private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.POSSIBLE_FORMATS,
			List.of(BarcodeFormat.QR_CODE));

	private QrCodes() {
	}

	/**
	 * The QR modules of a payload, with a quiet zone of {@code margin} modules; error correction level M; a mask
	 * pattern with which ZXing reads the payload back.
	 */
	public static BitMatrix matrix(String payload, int margin) {
		BitMatrix chosen = encode(payload, margin, null);
		for (int mask = 0; !readsBack(chosen, payload, margin); mask++) {
			if (mask == 8) {
				throw new IllegalStateException("No mask pattern gives a QR code that reads back");
			}
			chosen = encode(payload, margin, mask);
		}
		return chosen;
	}

	public static byte[] png(String payload, int pixelsPerModule) {
		BufferedImage image = MatrixToImageWriter.toBufferedImage(scaled(matrix(payload, 4), pixelsPerModule, 0));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static BitMatrix encode(String payload, int margin, Integer mask) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, margin);
		if (mask != null) {
			hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
		}
		try {
			return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not encode a QR code", ex);
		}
	}

	/** Whether ZXing reads {@code payload} back from the matrix drawn black on white at each checked scale. */
	static boolean readsBack(BitMatrix modules, String payload, int margin) {
		for (int scale : CHECKED_SCALES) {
			if (!reads(MatrixToImageWriter.toBufferedImage(scaled(modules, scale, Math.max(0, 4 - margin) * scale)),
					payload)) {
				return false;
			}
		}
		for (double scale : CHECKED_FRACTIONAL_SCALES) {
			for (double offset : CHECKED_OFFSETS) {
				if (!reads(smoothed(modules, margin, scale, offset), payload)) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean reads(BufferedImage image, String payload) {
		LuminanceSource source = new BufferedImageLuminanceSource(image);
		try {
			return payload.equals(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), HINTS).getText());
		}
		catch (ReaderException ex) {
			return false;
		}
	}

	/**
	 * The modules drawn with smoothed edges at {@code scale} pixels per module, shifted by {@code offset} pixels, with a
	 * quiet zone of 4 modules at least: as a renderer draws a printed card.
	 */
	static BufferedImage smoothed(BitMatrix modules, int margin, double scale, double offset) {
		double pad = Math.max(0, 4 - margin) * scale + offset;
		int size = (int) Math.ceil(modules.getWidth() * scale + 2 * pad);
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, size, size);
		graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		graphics.setColor(Color.BLACK);
		Path2D.Double dark = new Path2D.Double();
		for (int y = 0; y < modules.getHeight(); y++) {
			for (int x = 0; x < modules.getWidth(); x++) {
				if (modules.get(x, y)) {
					dark.append(new Rectangle2D.Double(pad + x * scale, pad + y * scale, scale, scale), false);
				}
			}
		}
		graphics.fill(dark);
		graphics.dispose();
		return image;
	}

	/** The modules drawn at {@code pixelsPerModule}, with {@code pad} more white pixels on every side. */
	static BitMatrix scaled(BitMatrix modules, int pixelsPerModule, int pad) {
		BitMatrix scaled = new BitMatrix(modules.getWidth() * pixelsPerModule + 2 * pad,
				modules.getHeight() * pixelsPerModule + 2 * pad);
		for (int y = 0; y < modules.getHeight(); y++) {
			for (int x = 0; x < modules.getWidth(); x++) {
				if (modules.get(x, y)) {
					scaled.setRegion(pad + x * pixelsPerModule, pad + y * pixelsPerModule, pixelsPerModule,
							pixelsPerModule);
				}
			}
		}
		return scaled;
	}
}
