package org.frontline.supplies.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.frontline.shared.DateTimes;
import org.frontline.shared.Message;
import org.frontline.shared.web.Texts;
import org.frontline.supplies.Item;
import org.frontline.supplies.Items;
import org.frontline.supplies.Movement;
import org.frontline.supplies.PlaceInfo;
import org.frontline.supplies.Shipment;
import org.frontline.supplies.Shipments;
import org.frontline.supplies.internal.Letters;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A shipment's delivery note: what was sent, and a QR code that opens the receiving page for its code. */
@Component
class DeliveryNotes {

	private final Shipments shipments;

	private final Items items;

	private final Letters letters;

	private final Texts texts;

	private final java.time.Clock clock;

	DeliveryNotes(Shipments shipments, Items items, Letters letters, Texts texts, java.time.Clock clock) {
		this.shipments = shipments;
		this.items = items;
		this.letters = letters;
		this.texts = texts;
		this.clock = clock;
	}

	byte[] pdf(String code) {
		Shipment shipment = shipments.get(code);
		boolean english = "en".equals(texts.locale().getLanguage());
		Map<String, Item> catalogue = items.list().stream().collect(Collectors.toMap(Item::code, i -> i));
		String receiveUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/supplies/receive/{code}")
			.buildAndExpand(shipment.code())
			.toUriString();
		List<List<String>> rows = shipment.lines()
			.stream()
			.map((Movement m) -> List.of(catalogue.get(m.item()).name(english), m.lot(), String.valueOf(m.quantity()),
					""))
			.toList();
		return letters.render(new Letters.Sheet(t("supplies.note.title"),
				List.of(t("supplies.note.code", shipment.code()), t("supplies.note.from", name(shipment.from())),
						t("supplies.note.to", name(shipment.to())),
						t("supplies.note.dispatched", DateTimes.dateTime(shipment.dispatchedAt(), clock.getZone()))),
				List.of(t("supplies.item"), t("supplies.lot"), t("supplies.shipment.sent"), t("supplies.shipment.counted")),
				rows, List.of(t("supplies.note.scan"), t("supplies.note.signature")), receiveUrl));
	}

	private String name(PlaceInfo place) {
		return place.name() != null ? place.name()
				: texts.text(Message.label(place.kind())) + " " + place.place().id();
	}

	private String t(String key, Object... args) {
		return texts.text(Message.of(key, args));
	}
}
