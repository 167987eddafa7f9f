package org.frontline.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.people.internal.CardSheet;
import org.frontline.people.internal.PersonRepository;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Masking;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Printed test cards (核酸检测卡) for residents without a smartphone: one PDF of A4 sheets, each card with the
 * person's current sampling code as a QR code, the masked name, compound, building and unit, a card number and a
 * one-line instruction.
 */
@Service
public class TestCards {

	static final int MAX_CARDS = 2_000;

	static final String TITLE = "核酸检测卡";

	static final String INSTRUCTION = "采样时出示本卡供扫码，请勿折叠；遗失请到社区补办，旧卡即作废。";

	private final PersonRepository people;

	private final SamplingCodes codes;

	private final Areas areas;

	private final AuditLog auditLog;

	private final String fontPath;

	private volatile CardSheet sheet;

	TestCards(PersonRepository people, SamplingCodes codes, Areas areas, AuditLog auditLog,
			@Value("${frontline.cards.font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}") String fontPath) {
		this.people = people;
		this.codes = codes;
		this.areas = areas;
		this.auditLog = auditLog;
		this.fontPath = fontPath;
	}

	/** The PDF of cards; the print is audited with the number of cards. */
	@Transactional
	public byte[] print(CardRequest request) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMUNITY_WORKER);
		List<Person> chosen = chosen(viewer, request == null ? new CardRequest(null, null) : request);
		Map<Long, SamplingCode> current = codes.currentCodes(chosen.stream().map(Person::id).toList());
		List<CardSheet.Card> cards = new ArrayList<>();
		for (Person person : chosen) {
			SamplingCode code = current.get(person.id());
			String compound = areas.find(person.area()).map(Area::name).orElse(person.area());
			String address = person.address().building() == null && person.address().unit() == null ? ""
					: new Address(person.address().building(), person.address().unit(), null).text();
			cards.add(new CardSheet.Card(code.payload(), Masking.name(person.name()), compound, address,
					"No. %08d-%d".formatted(person.id(), code.version())));
		}
		byte[] pdf = sheet().render(cards);
		auditLog.record("TEST_CARDS_PRINT", "person", null, cards.size() + " cards");
		return pdf;
	}

	private List<Person> chosen(Viewer viewer, CardRequest request) {
		if (request.personIds() != null && !request.personIds().isEmpty()) {
			if (request.personIds().size() > MAX_CARDS) {
				throw Problem.invalid("personIds", "people.cards.too-many", MAX_CARDS);
			}
			List<Person> list = new ArrayList<>();
			for (Long id : new LinkedHashSet<>(request.personIds())) {
				Person person = id == null ? null : people.find(id).filter(p -> viewer.covers(p.area())).orElse(null);
				if (person == null) {
					throw Problem.invalid("personIds", "people.cards.person-not-found", String.valueOf(id));
				}
				list.add(person);
			}
			return list;
		}
		String area = request.area() == null || request.area().isBlank() ? viewer.scopeArea() : request.area().strip();
		if (!AreaCodes.wellFormed(area)) {
			throw Problem.invalid("area", "area.code.invalid", area);
		}
		areas.visible(viewer, area);
		String prefix = AreaCodes.prefix(area);
		List<Person> list = people.search(new PersonRepository.Search(prefix, AreaCodes.upperBound(prefix), null, null,
				null, Tag.NO_SMARTPHONE, MAX_CARDS, 0));
		if (list.isEmpty()) {
			throw Problem.invalid("area", "people.cards.nobody", area, Tag.NO_SMARTPHONE);
		}
		return list;
	}

	private CardSheet sheet() {
		if (sheet == null) {
			try {
				sheet = CardSheet.withFont(fontPath, TITLE, INSTRUCTION);
			}
			catch (IllegalStateException ex) {
				throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "font-missing", "people.cards.font-missing", fontPath);
			}
		}
		return sheet;
	}
}
