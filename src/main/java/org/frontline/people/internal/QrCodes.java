package org.frontline.people.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes of sampling codes: as a module matrix (for vector printing) or a PNG (for a phone screen). */
public final class QrCodes {

	private QrCodes() {
	}

	/** The QR modules of a payload, with a quiet zone of {@code margin} modules; error correction level M. */
	public static BitMatrix matrix(String payload, int margin) {
		try {
			return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, margin));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not encode a QR code", ex);
		}
	}

	public static byte[] png(String payload, int pixelsPerModule) {
		BitMatrix modules = matrix(payload, 4);
		BitMatrix scaled = new BitMatrix(modules.getWidth() * pixelsPerModule, modules.getHeight() * pixelsPerModule);
		for (int y = 0; y < modules.getHeight(); y++) {
			for (int x = 0; x < modules.getWidth(); x++) {
				if (modules.get(x, y)) {
					scaled.setRegion(x * pixelsPerModule, y * pixelsPerModule, pixelsPerModule, pixelsPerModule);
				}
			}
		}
		BufferedImage image = MatrixToImageWriter.toBufferedImage(scaled);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
