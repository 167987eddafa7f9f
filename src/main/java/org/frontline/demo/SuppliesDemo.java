package org.frontline.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.frontline.quarantine.Facilities;
import org.frontline.quarantine.Facility;
import org.frontline.security.NewUser;
import org.frontline.security.Users;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.ViewerPrincipal;
import org.frontline.supplies.DonorKind;
import org.frontline.supplies.Donations;
import org.frontline.supplies.Ledger;
import org.frontline.supplies.MovementBatch;
import org.frontline.supplies.NewDonation;
import org.frontline.supplies.NewMovement;
import org.frontline.supplies.NewRequest;
import org.frontline.supplies.NewWarehouse;
import org.frontline.supplies.SupplyRequests;
import org.frontline.supplies.Warehouse;
import org.frontline.supplies.Warehouses;
import org.frontline.testing.Site;
import org.frontline.testing.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's supplies: a district warehouse and one per subdistrict, stock at every demo site and facility,
 * the 90 protective suits a company gave 碧林湾社区 (with its letter), a site running low on 10-in-1 tubes, and an open
 * request. Loaded through the supplies API, as an administrator, after the sites and facilities.
 */
@Component
@Order(40)
class SuppliesDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SuppliesDemo.class);

	static final String DISTRICT_WAREHOUSE = "崇川区防疫物资储备库";

	private static final String[][] SUBDISTRICT_WAREHOUSES = { { "城东街道物资仓库", "320602001" },
			{ "钟秀街道物资仓库", "320602002" }, { "任港街道物资仓库", "320602003" }, { "和平桥街道物资仓库", "320602004" },
			{ "观音山街道物资仓库", "320602005" } };

	private static final String LOW_SITE = "碧林湾中心广场";

	private final DemoProperties properties;

	private final Warehouses warehouses;

	private final Ledger ledger;

	private final Donations donations;

	private final SupplyRequests requests;

	private final Sites sites;

	private final Facilities facilities;

	private final Users users;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private int sequence;

	SuppliesDemo(DemoProperties properties, Warehouses warehouses, Ledger ledger, Donations donations,
			SupplyRequests requests, Sites sites, Facilities facilities, Users users, TransactionTemplate transactions,
			Clock clock) {
		this.properties = properties;
		this.warehouses = warehouses;
		this.ledger = ledger;
		this.donations = donations;
		this.requests = requests;
		this.sites = sites;
		this.facilities = facilities;
		this.users = users;
		this.transactions = transactions;
		this.clock = clock;
	}

	private record DemoPrincipal(Viewer viewer) implements ViewerPrincipal {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.enabled()) {
			return;
		}
		Viewer viewer = new Viewer(0, "demo", Set.of(Role.ADMIN), DemoAreas.CITY);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new DemoPrincipal(viewer), null, List.of()));
		try {
			if (warehouses.all().stream().anyMatch(w -> w.name().equals(DISTRICT_WAREHOUSE))) {
				return;
			}
			long started = System.nanoTime();
			for (int attempt = 1;; attempt++) {
				try {
					transactions.executeWithoutResult(status -> load());
					break;
				}
				catch (PessimisticLockingFailureException deadlock) {
					// Sampling's and check-ins' stock taking may lock the same stock meanwhile (its job starts a
					// minute in); PostgreSQL then ends one of the two, and nothing of this load was kept.
					if (attempt == 3) {
						throw deadlock;
					}
					log.warn("Demo supplies met a deadlock; loading them again ({})",
							deadlock.getMostSpecificCause().getMessage());
				}
			}
			log.info("Demo supplies loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void load() {
		LocalDate today = LocalDate.now(clock);
		Warehouse district = warehouses.open(new NewWarehouse(DISTRICT_WAREHOUSE, DemoAreas.DISTRICT));
		List<Warehouse> subdistricts = new ArrayList<>();
		for (String[] w : SUBDISTRICT_WAREHOUSES) {
			subdistricts.add(warehouses.open(new NewWarehouse(w[0], w[1])));
		}
		users.createWithoutPolicy(new NewUser("keeper", properties.password(), Set.of(Role.WAREHOUSE_KEEPER), null, null,
				null, null, null, null, district.id()));
		List<NewMovement> movements = new ArrayList<>();
		String d = "WAREHOUSE:" + district.id();
		Map<String, Integer> districtStock = Map.ofEntries(Map.entry("SUIT", 5000), Map.entry("N95", 20000),
				Map.entry("MASK", 50000), Map.entry("GLOVES", 20000), Map.entry("FACE-SHIELD", 3000),
				Map.entry("SHOE-COVERS", 10000), Map.entry("SWAB", 100000), Map.entry("TUBE-1", 5000),
				Map.entry("TUBE-10", 20000), Map.entry("TUBE-20", 5000), Map.entry("ANTIGEN", 10000),
				Map.entry("DISINFECTANT", 600), Map.entry("BEDDING", 800), Map.entry("MEAL", 3000),
				Map.entry("WATER", 5000));
		districtStock.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> movements.add(receipt(e.getKey(),
				e.getValue(), d, today.plusDays(180))));
		for (Warehouse w : subdistricts) {
			String place = "WAREHOUSE:" + w.id();
			for (String item : List.of("SUIT", "N95", "GLOVES", "SWAB", "TUBE-10", "MASK", "WATER")) {
				movements.add(receipt(item, item.equals("SWAB") ? 5000 : 600, place, today.plusDays(150)));
			}
		}
		for (Site site : sites.list()) {
			String place = "SITE:" + site.id();
			boolean low = site.name().equals(LOW_SITE);
			movements.add(receipt("TUBE-10", low ? 12 : 400, place, today.plusDays(90)));
			movements.add(receipt("SWAB", low ? 300 : 4000, place, today.plusDays(90)));
			movements.add(receipt("TUBE-1", 50, place, today.plusDays(90)));
			for (String item : List.of("SUIT", "N95", "GLOVES", "FACE-SHIELD", "SHOE-COVERS")) {
				movements.add(receipt(item, 60, place, today.plusDays(120)));
			}
		}
		for (Facility facility : facilities.list()) {
			String place = "FACILITY:" + facility.id();
			for (String item : List.of("MASK", "MEAL", "WATER", "BEDDING", "DISINFECTANT")) {
				movements.add(receipt(item, item.equals("MEAL") ? 300 : 100, place, today.plusDays(60)));
			}
		}
		// A city with many sites has more receipts than one batch takes.
		List<MovementBatch> batches = new ArrayList<>();
		for (int from = 0; from < movements.size(); from += Ledger.MAX_BATCH) {
			batches.add(new MovementBatch(movements.subList(from, Math.min(movements.size(), from + Ledger.MAX_BATCH))));
		}
		ledger.record(batches);
		donations.record(new NewDonation(id(), null, DonorKind.COMPANY, "南通安康医疗器械有限公司", "刘经理", "13912340000",
				"COMMUNITY:" + DemoAreas.BILINWAN, "碧林湾社区居委会", "城东街道协调",
				List.of(new NewDonation.DonatedItem("SUIT", 90L, "AK-220415", today.plusYears(1).toString()))));
		sites.list().stream().filter(s -> s.area().startsWith(DemoAreas.CHENYUAN)).findFirst().ifPresent(site -> requests
			.create(new NewRequest(id(), "SITE:" + site.id(), "WAREHOUSE:" + subdistricts.get(0).id(),
					OffsetDateTime.now(clock).plus(Duration.ofHours(6)).toString(), "明早全员核酸，采样管不足",
					List.of(new NewRequest.RequestedItem("TUBE-10", 200L), new NewRequest.RequestedItem("SWAB", 2000L)))));
	}

	private NewMovement receipt(String item, long quantity, String place, LocalDate expiresOn) {
		boolean lot = !Set.of("FACE-SHIELD", "SHOE-COVERS", "BEDDING", "MEAL", "WATER").contains(item);
		return new NewMovement(id(), "RECEIPT", item, quantity, null, place, lot ? "DEMO-" + item : null,
				lot ? expiresOn.toString() : null, null, null, null);
	}

	private String id() {
		return UUID.nameUUIDFromBytes(("demo-supplies:" + properties.seed() + ":" + sequence++)
			.getBytes(StandardCharsets.UTF_8)).toString();
	}
}
