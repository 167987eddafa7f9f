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

import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import org.frontline.people.internal.QrCodes;

/**
 * A camera for headless Chromium: a Y4M video (a text header, then raw I420 frames) that Chromium plays as its
 * only camera with {@link #arguments}. Each {@link Shot} shows a QR code, a tube label's Code 128 barcode, or nothing,
 * for some seconds; Chromium plays the file in real time and starts again at its end.
 */
public final class FakeCamera {

	public static final int WIDTH = 480;

	public static final int HEIGHT = 360;

	public static final int FPS = 5;

	/** The hand holding a code in front of the camera moves it through this many pictures, over and over. */
	private static final int WOBBLE = 6;

	private FakeCamera() {
	}

	/**
	 * What the camera sees for a while: a QR code of {@code payload}, a tube label with {@code payload} as Code 128 when
	 * {@code label}, or an empty white scene when the payload is null.
	 */
	public record Shot(String payload, boolean label, int seconds) {

		public static Shot qr(String payload, int seconds) {
			return new Shot(payload, false, seconds);
		}

		/**
		 * A tube's printed label held close to the camera: Code 128 at 2 and 3 pixels a module in turn (a label of about
		 * 30 mm across filling half to two thirds of the picture), its bars 60 pixels high.
		 */
		public static Shot code128(String payload, int seconds) {
			return new Shot(payload, true, seconds);
		}

		public static Shot nothing(int seconds) {
			return new Shot(null, false, seconds);
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
				BitMatrix modules = shot.payload() == null || shot.label() ? null : QrCodes.matrix(shot.payload(), 4);
				boolean[] bars = shot.label() ? new Code128Writer().encode(shot.payload()) : null;
				for (int frame = 0; frame < shot.seconds() * FPS; frame++) {
					out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
					out.write(bars != null ? label(bars, frame) : luma(modules, frame));
					out.write(chroma);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return file;
	}

	/**
	 * Whether the decoder of the scanning page open in {@code browser} (the browser's BarcodeDetector or the packaged
	 * ZXing-C++ one, as the page chooses) reads {@code payload} from every picture of it this camera films, at the size
	 * the camera films it. Chromium reads the video file when the camera starts, so a test can check its codes this way
	 * and write the video after.
	 */
	public static boolean readable(Browser browser, Shot shot) {
		BitMatrix modules = shot.label() ? null : QrCodes.matrix(shot.payload(), 4);
		boolean[] bars = shot.label() ? new Code128Writer().encode(shot.payload()) : null;
		for (int frame = 0; frame < WOBBLE; frame++) {
			byte[] luma = bars != null ? label(bars, frame) : luma(modules, frame);
			String dark = new String(luma, StandardCharsets.ISO_8859_1).replace((char) 235, '.').replace((char) 16, '#');
			Object read = browser.driver()
				.executeAsyncScript("var dark = arguments[0], payload = arguments[1], done = arguments[2];"
						+ "var api = window.BarcodeDetectionAPI;"
						+ "api.prepareZXingModule({ overrides: { locateFile: function (p, prefix) {"
						+ "  return /\\.wasm$/.test(p) ? document.getElementById('scan-page').dataset.wasm : prefix + p; } } });"
						+ "var film = document.createElement('canvas'); film.width = " + WIDTH + "; film.height = " + HEIGHT + ";"
						+ "var pixels = film.getContext('2d').createImageData(film.width, film.height);"
						+ "for (var i = 0; i < dark.length; i++) { var v = dark.charCodeAt(i) === 35 ? 16 : 235;"
						+ "  pixels.data[4 * i] = pixels.data[4 * i + 1] = pixels.data[4 * i + 2] = v; pixels.data[4 * i + 3] = 255; }"
						+ "film.getContext('2d').putImageData(pixels, 0, 0);"
						+ "new api.BarcodeDetector({ formats: ['qr_code', 'code_128'] }).detect(film)"
						+ "  .then(function (codes) { done(codes.some(function (c) { return c.rawValue === payload; })); },"
						+ "        function (e) { done(String(e)); });",
						dark, shot.payload());
			if (!Boolean.TRUE.equals(read)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The Y plane of a tube label: white, the barcode near the centre with a quiet zone around it, black bars at luma
	 * 16, at 2 or 3 pixels a module and a few pixels aside from picture to picture (a hand holding the tube).
	 */
	private static byte[] label(boolean[] bars, int frame) {
		byte[] luma = new byte[WIDTH * HEIGHT];
		Arrays.fill(luma, (byte) 235);
		int step = frame % WOBBLE;
		int scale = Math.min(3, Math.max(1, (WIDTH - 40) / bars.length)) - (step % 2 == 0 ? 0 : 1);
		scale = Math.max(2, scale);
		int width = bars.length * scale;
		int left = (WIDTH - width) / 2 + (step * 7) % 11 - 5;
		int top = (HEIGHT - 60) / 2 + (step * 5) % 9 - 4;
		for (int row = 0; row < 60; row++) {
			for (int x = 0; x < bars.length; x++) {
				if (bars[x]) {
					int start = (top + row) * WIDTH + left + x * scale;
					Arrays.fill(luma, start, start + scale, (byte) 16);
				}
			}
		}
		return luma;
	}

	/**
	 * The Y plane: white, with the QR code (drawn as the application draws a phone's code, quiet zone included) near
	 * the centre, black modules at luma 16. The code is held by a hand: from frame to frame it is drawn a little
	 * smaller or larger and a few pixels aside, so a decoder that misses one picture of it gets others within a
	 * second (ZXing's JavaScript port misses some codes at some sizes).
	 */
	private static byte[] luma(BitMatrix modules, int frame) {
		byte[] luma = new byte[WIDTH * HEIGHT];
		Arrays.fill(luma, (byte) 235);
		if (modules == null) {
			return luma;
		}
		int largest = (HEIGHT - 20) / modules.getHeight();
		int step = frame % WOBBLE;
		int scale = Math.min(largest, 4 + step % 3);
		int size = modules.getWidth() * scale;
		int left = (WIDTH - size) / 2 + (step * 7) % 11 - 5;
		int top = (HEIGHT - size) / 2 + (step * 5) % 9 - 4;
		for (int y = 0; y < modules.getHeight(); y++) {
			for (int x = 0; x < modules.getWidth(); x++) {
				if (modules.get(x, y)) {
					for (int row = 0; row < scale; row++) {
						int start = (top + y * scale + row) * WIDTH + left + x * scale;
						Arrays.fill(luma, start, start + scale, (byte) 16);
					}
				}
			}
		}
		return luma;
	}
}
