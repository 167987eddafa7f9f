package org.frontline.supplies;

import java.util.List;
import java.util.Optional;

import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.frontline.supplies.internal.PlaceDirectory;
import org.frontline.supplies.internal.StockPlaceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district's warehouses: an administrator opens them; each serves the posts of its area. */
@Service
public class Warehouses {

	private final StockPlaceRepository places;

	private final PlaceDirectory directory;

	private final Areas areas;

	private final Validation validation;

	private final AuditLog auditLog;

	Warehouses(StockPlaceRepository places, PlaceDirectory directory, Areas areas, Validation validation, AuditLog auditLog) {
		this.places = places;
		this.directory = directory;
		this.areas = areas;
		this.validation = validation;
		this.auditLog = auditLog;
	}

	@Transactional
	public Warehouse open(NewWarehouse warehouse) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN);
		validation.check(warehouse);
		String area = areas.visible(viewer, warehouse.area().strip()).code();
		if (places.warehouseByName(warehouse.name().strip()).isPresent()) {
			throw Problem.conflict("warehouse-exists", "supplies.warehouse.exists", warehouse.name());
		}
		long id = places.insertWarehouse(warehouse.name().strip(), area);
		Warehouse created = places.warehouse(id).orElseThrow();
		directory.register(List.of(new PlaceInfo(created.place(), area, created.name())));
		auditLog.record("SUPPLIES_WAREHOUSE_OPEN", "supplies_warehouse", id, created.name());
		return created;
	}

	/** The warehouses the viewer sees (a warehouse keeper: their own). */
	@Transactional(readOnly = true)
	public List<Warehouse> list() {
		Viewer viewer = Viewers.requireAny(Stock.READERS);
		Long own = viewer.place(Workplace.WAREHOUSE);
		if (own != null) {
			return places.warehouse(own).map(List::of).orElse(List.of());
		}
		return places.warehousesInside(viewer.scopeLow(), viewer.scopeHigh());
	}

	/** Every warehouse of the district (a post may ask any of them). */
	@Transactional(readOnly = true)
	public List<Warehouse> all() {
		Viewers.requireAny(Stock.READERS);
		return places.warehouses();
	}

	/** The warehouse that serves an area: the one of the nearest area around it (a subdistrict's before the district's). */
	public Optional<Warehouse> serving(String area) {
		return places.warehouses()
			.stream()
			.filter(w -> AreaCodes.contains(w.area(), area))
			.max(java.util.Comparator.comparingInt(w -> AreaCodes.prefix(w.area()).length()));
	}
}
