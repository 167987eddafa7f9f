package org.frontline.zones.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.frontline.audit.AuditLog;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.zones.NoticePublished;
import org.frontline.zones.internal.NoticeRepository.NoticeRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Publishes notices: numbered per authority one writer at a time, stored once and never changed, audited, announced
 * with {@link NoticePublished}. A notice the system writes for a commander's one-step decision (a lift from the board,
 * a confirmed proposal) takes the next number of the district's command and its words from the bundle in the
 * district's language: a notice is a public document, the same for every reader.
 */
@Component
public class NoticeWriter {

	private static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;

	private final NoticeRepository notices;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final String authority;

	NoticeWriter(NoticeRepository notices, AuditLog auditLog, ApplicationEventPublisher events, MessageSource messages,
			Clock clock, @Value("${frontline.zones.authority:崇川区新冠肺炎疫情防控指挥部}") String authority) {
		this.notices = notices;
		this.auditLog = auditLog;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.authority = authority;
	}

	/** The district command's name, the authority of notices that name none. */
	public String authority() {
		return authority;
	}

	public NoticeRow publish(String by, String authorityName, Integer number, String title, Instant publishedAt,
			Instant effectiveFrom, Instant effectiveUntil, String body, Long replaces) {
		String issuer = authorityName == null || authorityName.isBlank() ? authority : authorityName.strip();
		notices.lockNumbers(issuer);
		int chosen;
		if (number == null) {
			chosen = notices.nextNumber(issuer);
		}
		else if (notices.numberTaken(issuer, number)) {
			throw Problem.conflict("notice-number-taken", "zones.notice.number-taken", issuer, number);
		}
		else {
			chosen = number;
		}
		long id = notices.insert(issuer, chosen, title.strip(), publishedAt, effectiveFrom, effectiveUntil, body.strip(),
				replaces, by);
		auditLog.record("NOTICE_PUBLISH", "zones_notice", id, issuer + " " + chosen);
		events.publishEvent(new NoticePublished(id, issuer, chosen, publishedAt, effectiveFrom));
		return notices.find(id).orElseThrow();
	}

	/** A notice in force at once, in the district command's name, worded from the bundle. */
	public NoticeRow generated(String by, Message title, Message body) {
		Instant now = clock.instant();
		return publish(by, null, null, text(title), now, now, null, text(body), null);
	}

	/** A message in the district's language, for the text of a notice. */
	public String text(Message message) {
		return messages.getMessage(message, DISTRICT);
	}
}
