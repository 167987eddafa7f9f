package org.frontline.workforce.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.frontline.shared.web.Texts;
import org.frontline.workforce.Hours;
import org.frontline.workforce.Post;
import org.frontline.workforce.Shifts;
import org.frontline.workforce.internal.RosterSheet;
import org.frontline.workforce.internal.WorkforcePdfs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The workforce's files, for the pages and the API alike: a roster as XLSX, a post's QR poster, a certificate. */
@Component
class WorkforceDocuments {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Shifts shifts;

	private final Hours hours;

	private final WorkforcePdfs pdfs;

	private final MessageSource messages;

	private final Texts texts;

	private final Clock clock;

	private final String publicUrl;

	WorkforceDocuments(Shifts shifts, Hours hours, WorkforcePdfs pdfs, MessageSource messages, Texts texts, Clock clock,
			@Value("${frontline.public-url:/}") String publicUrl) {
		this.shifts = shifts;
		this.hours = hours;
		this.pdfs = pdfs;
		this.messages = messages;
		this.texts = texts;
		this.clock = clock;
		this.publicUrl = publicUrl;
	}

	ResponseEntity<byte[]> roster(long postId, LocalDate day) {
		Shifts.Roster roster = shifts.roster(postId, day);
		List<String> headers = List.of("role", "station", "starts", "ends", "needed", "worker", "kind", "phone",
				"checkedIn", "checkedOut")
			.stream()
			.map(key -> text("workforce.roster.column." + key))
			.toList();
		byte[] sheet = RosterSheet.xlsx(roster.post().name(), headers, roster.shifts(),
				constant -> text("enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name()),
				clock.getZone());
		return download(sheet, "roster-" + roster.post().code() + "-" + roster.day() + ".xlsx", XLSX);
	}

	/** The post's QR poster: workers scan it with their phone to check in. */
	ResponseEntity<byte[]> poster(long postId) {
		Post post = shifts.post(postId);
		byte[] pdf = pdfs.poster(text("workforce.poster.title"), post.name(),
				absolute("/workforce/check-in/" + post.code()), List.of(text("workforce.poster.line1"),
						text("workforce.poster.line2"), text("workforce.poster.code", post.code())));
		return download(pdf, "poster-" + post.code() + ".pdf", MediaType.APPLICATION_PDF);
	}

	/** A volunteer-hours certificate as a PDF; its code is in the {@code Certificate-Code} header too. */
	ResponseEntity<byte[]> certificate(long workerId, LocalDate from, LocalDate to) {
		Hours.IssuedCertificate issued = hours.certify(workerId, from, to, absolute("/public/certificate"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Certificate-Code", issued.code())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("certificate-" + issued.code() + ".pdf").build().toString())
			.body(issued.pdf());
	}

	/**
	 * An address printed on paper (a poster's QR code, a certificate's): under the configured public address when it
	 * is absolute, else under the address the person printing it used.
	 */
	private String absolute(String path) {
		String root = publicUrl.startsWith("http://") || publicUrl.startsWith("https://")
				? publicUrl.replaceAll("/+$", "") : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return root + path;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(new DefaultMessageSourceResolvable(new String[] { key }, args, key), texts.locale());
	}

	private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}
}
