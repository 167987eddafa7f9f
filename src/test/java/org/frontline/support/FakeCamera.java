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
import org.frontline.people.internal.QrCodes;

/**
 * A camera for headless Chromium: a Y4M video (a text header, then raw I420 frames) that Chromium plays as its
 * only camera with {@link #arguments}. Each {@link Shot} shows a QR code, or nothing, for some seconds; Chromium
 * plays the file in real time and starts again at its end.
 */
public final class FakeCamera {

	public static final int WIDTH = 480;

	public static final int HEIGHT = 360;

	public static final int FPS = 5;

	/** The hand holding a code in front of the camera moves it through this many pictures, over and over. */
	private static final int WOBBLE = 6;

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
				BitMatrix modules = shot.payload() == null ? null : QrCodes.matrix(shot.payload(), 4);
				for (int frame = 0; frame < shot.seconds() * FPS; frame++) {
					out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
					out.write(luma(modules, frame));
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
	 * Whether the decoder of the page open in {@code browser} (html5-qrcode's ZXing port, which reads some perfectly
	 * drawn symbols at no size at all) reads {@code payload} from every picture of it this camera films, at the size
	 * the camera films it and at three quarters of that (the page decodes the video at its size on the screen). Chromium
	 * reads the video file when the camera starts, so a test can choose codes this way and write the video after.
	 */
	public static boolean readable(Browser browser, String payload) {
		BitMatrix modules = QrCodes.matrix(payload, 4);
		for (int frame = 0; frame < WOBBLE; frame++) {
			byte[] luma = luma(modules, frame);
			String dark = new String(luma, StandardCharsets.ISO_8859_1).replace((char) 235, '.').replace((char) 16, '#');
			Object read = browser.driver()
				.executeAsyncScript("var dark = arguments[0], payload = arguments[1], done = arguments[2];"
						+ "var lib = window.__Html5QrcodeLibrary__;"
						+ "var box = document.body.appendChild(document.createElement('div')); box.id = 'fake-camera-check';"
						+ "var reader = new lib.Html5Qrcode(box.id,"
						+ "  { verbose: false, formatsToSupport: [lib.Html5QrcodeSupportedFormats.QR_CODE] });"
						+ "var film = document.createElement('canvas'); film.width = " + WIDTH + "; film.height = " + HEIGHT + ";"
						+ "var pixels = film.getContext('2d').createImageData(film.width, film.height);"
						+ "for (var i = 0; i < dark.length; i++) { var v = dark.charCodeAt(i) === 35 ? 16 : 235;"
						+ "  pixels.data[4 * i] = pixels.data[4 * i + 1] = pixels.data[4 * i + 2] = v; pixels.data[4 * i + 3] = 255; }"
						+ "film.getContext('2d').putImageData(pixels, 0, 0);"
						+ "var small = document.createElement('canvas'); small.width = film.width * 3 / 4; small.height = film.height * 3 / 4;"
						+ "small.getContext('2d').drawImage(film, 0, 0, small.width, small.height);"
						+ "var reads = function (canvas) { return reader.qrcode.decodeAsync(canvas)"
						+ "  .then(function (r) { return r.text === payload; }, function () { return false; }); };"
						+ "Promise.all([reads(film), reads(small)]).then(function (both) {"
						+ "  box.remove(); done(both[0] && both[1]); });",
						dark, payload);
			if (!Boolean.TRUE.equals(read)) {
				return false;
			}
		}
		return true;
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
