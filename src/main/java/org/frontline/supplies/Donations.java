package org.frontline.supplies;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontline.audit.AuditLog;
import org.frontline.shared.Problem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.supplies.NewDonation.DonatedItem;
import org.frontline.supplies.internal.DonationRepository;
import org.frontline.supplies.internal.DonationRepository.DonationRow;
import org.frontline.supplies.internal.ItemRepository;
import org.frontline.supplies.internal.LedgerRepository;
import org.frontline.supplies.internal.PlaceDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donations: who gave what and where it went, each numbered for its acknowledgement letter (捐赠接收证明), its items
 * booked into the receiving place's stock. The public list (捐赠公示) names organisations, never a person or a contact.
 */
@Service
public class Donations {

	private static final int MAX_ITEMS = 50;

	private final DonationRepository donations;

	private final LedgerRepository ledger;

	private final Ledger movements;

	private final ItemRepository items;

	private final PlaceDirectory places;

	private final AuditLog auditLog;

	private final Clock clock;

	Donations(DonationRepository donations, LedgerRepository ledger, Ledger movements, ItemRepository items,
			PlaceDirectory places, AuditLog auditLog, Clock clock) {
		this.donations = donations;
		this.ledger = ledger;
		this.movements = movements;
		this.items = items;
		this.places = places;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Records a donation received at a place the viewer sees (a resent one, by client id, answers the first). */
	@Transactional
	public Donation record(NewDonation donation) {
		Viewer viewer = Viewers.requireAny(Ledger.WRITERS);
		if (donation == null) {
			throw Problem.invalid("donation", "problem.body.missing");
		}
		UUID clientId = donation.clientId() == null || donation.clientId().isBlank() ? UUID.randomUUID()
				: uuid(donation.clientId());
		var existing = donations.byClientId(clientId);
		if (existing.isPresent()) {
			return view(donations.find(existing.get()).orElseThrow(), true);
		}
		PlaceInfo to = places.visible(viewer, donation.to(), "to");
		String receivedBy = Ledger.text(donation.receivedBy(), "receivedBy", 50);
		if (receivedBy == null) {
			throw Problem.invalid("receivedBy", "supplies.donation.received-by-missing");
		}
		String note = Ledger.text(donation.note(), "note", 500);
		if (donation.items() == null || donation.items().isEmpty()) {
			throw Problem.invalid("items", "supplies.donation.no-items");
		}
		if (donation.items().size() > MAX_ITEMS) {
			throw Problem.invalid("items", "supplies.request.too-many-lines", MAX_ITEMS);
		}
		Instant now = clock.instant();
		long donor = donor(donation, now);
		places.register(List.of(to));
		long id = donations.insert(clientId, donor, to.code(), receivedBy, now, LocalDate.now(clock).getYear(), note,
				viewer.username())
			.orElseThrow(() -> Problem.conflict("duplicate", "supplies.donation.duplicate"));
		List<NewMovement> lines = new ArrayList<>();
		for (int i = 0; i < donation.items().size(); i++) {
			DonatedItem item = donation.items().get(i);
			if (item == null) {
				throw Problem.invalid("items", "supplies.item.missing");
			}
			String lineId = UUID.nameUUIDFromBytes(("supplies-donation:" + clientId + ":" + i)
				.getBytes(StandardCharsets.UTF_8)).toString();
			lines.add(new NewMovement(lineId, MovementType.DONATION.name(), item.item(), item.quantity(), null,
					to.code(), item.lot(), item.expiresOn(), null, Long.toString(donor), null));
		}
		movements.recordDonation(viewer, id, lines);
		auditLog.record("SUPPLIES_DONATION", "supplies_donation", id, to.code());
		return view(donations.find(id).orElseThrow(), true);
	}

	/** Donations received at places the viewer sees, newest first, with the donors' contacts. */
	@Transactional(readOnly = true)
	public List<Donation> list() {
		Viewer viewer = Viewers.requireAny(Ledger.WRITERS);
		return donations.list(viewer.scopeLow(), viewer.scopeHigh(), 500)
			.stream()
			.map(row -> view(row, true))
			.filter(d -> places.sees(viewer, d.to()))
			.toList();
	}

	/** One donation the viewer sees, for its letter. */
	@Transactional(readOnly = true)
	public Donation get(long id) {
		Viewer viewer = Viewers.requireAny(Ledger.WRITERS);
		Donation donation = donations.find(id)
			.map(row -> view(row, true))
			.filter(d -> places.sees(viewer, d.to()))
			.orElseThrow(() -> Problem.notFound("supplies.donation.not-found", id));
		return donation;
	}

	/** The public list (捐赠公示): every donation with what it was and where it went; no contact, no person's name. */
	@Transactional(readOnly = true)
	public List<Donation> publicList() {
		return donations.list(null, null, 500).stream().map(row -> view(row, false)).toList();
	}

	private long donor(NewDonation donation, Instant now) {
		if (donation.donorId() != null) {
			return donations.donor(donation.donorId())
				.orElseThrow(() -> Problem.invalid("donorId", "supplies.donor.unknown", donation.donorId()))
				.id();
		}
		String name = Ledger.text(donation.donorName(), "donorName", 100);
		if (name == null) {
			throw Problem.invalid("donorName", "supplies.donor.missing");
		}
		String contact = Ledger.text(donation.contact(), "contact", 50);
		String phone = Ledger.text(donation.phone(), "phone", 20);
		if (donation.donorKind() == DonorKind.PERSON) {
			return donations.insertDonor(DonorKind.PERSON, name, contact, phone, now);
		}
		long id = donations.company(name, now);
		if (contact != null || phone != null) {
			donations.contact(id, contact, phone);
		}
		return id;
	}

	private Donation view(DonationRow row, boolean full) {
		Map<String, Item> catalogue = new HashMap<>();
		items.all().forEach(item -> catalogue.put(item.code(), item));
		List<Donation.Given> given = ledger.movementsOf(null, row.id())
			.stream()
			.filter(m -> m.type().equals(MovementType.DONATION.name()))
			.map(m -> new Donation.Given(catalogue.get(m.item()), m.quantity(), m.lot(), m.expiresOn()))
			.toList();
		PlaceInfo to = places.existing(row.to(), "to");
		boolean person = row.donor().kind() == DonorKind.PERSON;
		return new Donation(row.id(), row.number(), row.donor().kind(), full || !person ? row.donor().name() : null,
				full ? row.donor().contact() : null, full ? row.donor().phone() : null, to,
				full ? row.receivedBy() : null, row.receivedAt(), full ? row.note() : null, given);
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalid("clientId", "supplies.movement.client-id", text);
		}
	}
}
