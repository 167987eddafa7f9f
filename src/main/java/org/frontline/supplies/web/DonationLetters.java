package org.frontline.supplies.web;

import java.util.List;

import org.frontline.shared.DateTimes;
import org.frontline.shared.Message;
import org.frontline.shared.web.Texts;
import org.frontline.supplies.Donation;
import org.frontline.supplies.Donations;
import org.frontline.supplies.PlaceInfo;
import org.frontline.supplies.internal.Letters;
import org.springframework.stereotype.Component;

/** A donation's numbered acknowledgement letter (捐赠接收证明). */
@Component
class DonationLetters {

	private final Donations donations;

	private final Letters letters;

	private final Texts texts;

	private final java.time.Clock clock;

	DonationLetters(Donations donations, Letters letters, Texts texts, java.time.Clock clock) {
		this.donations = donations;
		this.letters = letters;
		this.texts = texts;
		this.clock = clock;
	}

	byte[] pdf(long id) {
		Donation donation = donations.get(id);
		boolean english = "en".equals(texts.locale().getLanguage());
		List<List<String>> rows = donation.items()
			.stream()
			.map(g -> List.of(g.item().name(english), String.valueOf(g.quantity()) + " " + unit(g.item()),
					g.lot() == null ? "" : g.lot(),
					g.expiresOn() == null ? "" : DateTimes.date(g.expiresOn(), clock.getZone())))
			.toList();
		return letters.render(new Letters.Sheet(t("supplies.letter.title"),
				List.of(t("supplies.letter.number", donation.number()), t("supplies.letter.donor", donation.donor()),
						t("supplies.letter.thanks", donation.donor(), name(donation.to()))),
				List.of(t("supplies.item"), t("supplies.quantity"), t("supplies.lot"), t("supplies.letter.expires")), rows,
				List.of(t("supplies.letter.received", donation.receivedBy(),
						DateTimes.date(donation.receivedAt(), clock.getZone())), t("supplies.letter.stamp")),
				null));
	}

	private String unit(org.frontline.supplies.Item item) {
		return texts.text(Message.label(item.unit()));
	}

	private String name(PlaceInfo place) {
		return place.name() != null ? place.name()
				: texts.text(Message.label(place.kind())) + " " + place.place().id();
	}

	private String t(String key, Object... args) {
		return texts.text(Message.of(key, args));
	}
}
