package org.frontline.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.junit.jupiter.api.Test;

class QrCodesTests {

	/** Real-format codes whose QR symbol, as the encoder draws it by default, ZXing cannot read at any size. */
	private static final List<String> UNREADABLE_BY_DEFAULT = List.of("FL1.540269.2.GX0Hn_kCxVHU56GpW44j7w",
			"FL1.1420447.2._CnCuJAY93_P5r22fStdwQ", "FL1.980640.2.tGAylYjnBV4hFZQIQlKlwQ");

	@Test
	void aCodeWhoseDefaultSymbolZxingCannotReadGetsAnotherMaskThatItReads() throws WriterException {
		for (String payload : UNREADABLE_BY_DEFAULT) {
			BitMatrix byDefault = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			assertThat(read(byDefault, 4)).as(payload + " drawn by default").isNull();
			assertThat(read(byDefault, 7)).as(payload + " drawn by default").isNull();

			BitMatrix chosen = QrCodes.matrix(payload, 4);
			assertThat(read(chosen, 4)).isEqualTo(payload);
			assertThat(read(chosen, 7)).isEqualTo(payload);
			assertThat(chosen.getWidth()).isEqualTo(byDefault.getWidth());
		}
	}

	/**
	 * Real-format codes whose default symbol reads at every whole number of pixels per module but not as a card
	 * rendered at 150 dpi draws it (6.76 pixels per module, smoothed edges, off the pixel grid).
	 */
	private static final List<String> UNREADABLE_ON_A_RENDERED_CARD = List.of("FL1.710372.2.4iL7kWoRJfslLclCqCaVa7",
			"FL1.2248116.1.0waMyJ0LleQxdjw7Jl3xYH");

	@Test
	void aCodeWhoseSymbolDoesNotReadAsARenderedCardDrawsItGetsAnotherMask() throws WriterException {
		for (String payload : UNREADABLE_ON_A_RENDERED_CARD) {
			BitMatrix byDefault = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
			assertThat(List.of(3.3, 5.5, 6.76, 8.4).stream()
				.flatMap(scale -> List.of(0.0, 0.33, 0.5, 0.75).stream()
					.map(offset -> decodeAsTheCardTest(QrCodes.smoothed(byDefault, 2, scale, offset))))
				.filter(read -> !payload.equals(read))).as(payload + " drawn by default").isNotEmpty();

			BitMatrix chosen = QrCodes.matrix(payload, 2);
			for (double offset : List.of(0.0, 0.33, 0.5, 0.75)) {
				assertThat(decodeAsTheCardTest(QrCodes.smoothed(chosen, 2, 6.76, offset))).as(payload + " at " + offset)
					.isEqualTo(payload);
			}
		}
	}

	@Test
	void everySignedCodeReadsBackFromItsMatrixAndItsPng() throws IOException {
		CodeSigner signer = new CodeSigner("a server secret of 32 bytes!!!!!".getBytes(StandardCharsets.US_ASCII));
		for (long person = 1; person <= 1_000; person++) {
			String payload = signer.sign(person * 7_919, 1 + (int) (person % 3));
			assertThat(read(QrCodes.matrix(payload, 4), 4)).as(payload).isEqualTo(payload);
		}
		String payload = signer.sign(540269, 2);
		BufferedImage png = ImageIO.read(new ByteArrayInputStream(QrCodes.png(payload, 8)));
		assertThat(decode(png)).isEqualTo(payload);
	}

	/** What ZXing reads from the symbol drawn at {@code scale} pixels per module, or null; another binarizer than QrCodes'. */
	private static String read(BitMatrix modules, int scale) {
		return decode(MatrixToImageWriter.toBufferedImage(QrCodes.scaled(modules, scale, 0)));
	}

	/** What the printed-card test's reader (hybrid binarizer, trying harder) reads, or null. */
	private static String decodeAsTheCardTest(BufferedImage image) {
		try {
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
						Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
		}
		catch (ReaderException ex) {
			return null;
		}
	}

	private static String decode(BufferedImage image) {
		try {
			return new MultiFormatReader()
				.decode(new BinaryBitmap(new GlobalHistogramBinarizer(new BufferedImageLuminanceSource(image))),
						Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)))
				.getText();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}
}
