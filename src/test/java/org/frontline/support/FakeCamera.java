package org.frontline.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

/**
 * A camera for headless Chromium: a Y4M video (a text header, then raw I420 frames) that Chromium plays as its
 * only camera with {@link #arguments}. Each {@link Shot} shows a QR code, or nothing, for some seconds; Chromium
 * plays the file in real time and starts again at its end.
 */
public final class FakeCamera {

	public static final int WIDTH = 480;

	public static final int HEIGHT = 360;

	public static final int FPS = 5;

	private FakeCamera() {
	}

	/** What the camera sees for a while: a QR code of {@code payload}, or an empty white scene when it is null. */
	public record Shot(String payload, int seconds) {

		public static Shot qr(String payload, int seconds) {
			return new Shot(payload, seconds);
		}

		public static Shot nothing(int seconds) {
			return new Shot(null, seconds);
		}
	}

	/** Chromium switches: grant camera access without asking, and film {@code video}. */
	public static List<String> arguments(Path video) {
		return List.of("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
				"--use-file-for-fake-video-capture=" + video.toAbsolutePath());
	}

	/** Chromium switches: a camera exists but the person says no to it. */
	public static List<String> denied(Path video) {
		return List.of("--use-fake-ui-for-media-stream=deny", "--use-fake-device-for-media-stream",
				"--use-file-for-fake-video-capture=" + video.toAbsolutePath());
	}

	/** Chromium switches: camera access would be granted, but there is no camera at all. */
	public static List<String> none() {
		return List.of("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream=device-count=0");
	}

	public static Path video(Path file, List<Shot> shots) {
		int lumaSize = WIDTH * HEIGHT;
		byte[] chroma = new byte[lumaSize / 2];
		Arrays.fill(chroma, (byte) 128);
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F" + FPS + ":1 Ip A1:1\n")
				.getBytes(StandardCharsets.US_ASCII));
			for (Shot shot : shots) {
				byte[] luma = luma(shot);
				for (int frame = 0; frame < shot.seconds() * FPS; frame++) {
					out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
					out.write(luma);
					out.write(chroma);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return file;
	}

	/** The Y plane: white, with the QR code (quiet zone included) centred, black modules at luma 16. */
	private static byte[] luma(Shot shot) {
		byte[] luma = new byte[WIDTH * HEIGHT];
		Arrays.fill(luma, (byte) 235);
		if (shot.payload() == null) {
			return luma;
		}
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(shot.payload(), BarcodeFormat.QR_CODE, HEIGHT - 60, HEIGHT - 60,
					Map.of(EncodeHintType.MARGIN, 4));
		}
		catch (WriterException e) {
			throw new IllegalArgumentException(e);
		}
		int left = (WIDTH - matrix.getWidth()) / 2;
		int top = (HEIGHT - matrix.getHeight()) / 2;
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					luma[(top + y) * WIDTH + left + x] = (byte) 16;
				}
			}
		}
		return luma;
	}
}
