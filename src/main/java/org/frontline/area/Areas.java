package org.frontline.area;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.area.internal.AreaRepository;
import org.frontline.audit.AuditLog;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The area hierarchy, seen from a viewer's scope. */
@Service
public class Areas {

	private final AreaRepository repository;

	private final AuditLog auditLog;

	Areas(AreaRepository repository, AuditLog auditLog) {
		this.repository = repository;
		this.auditLog = auditLog;
	}

	public Optional<Area> find(String code) {
		return AreaCodes.wellFormed(code) ? repository.find(code) : Optional.empty();
	}

	/** The area if it exists and the viewer's scope covers it; otherwise not found. */
	public Area visible(Viewer viewer, String code) {
		return find(code).filter(area -> viewer.covers(area.code()))
			.orElseThrow(() -> Problem.notFound("area.not-found", code));
	}

	/** The viewer's scope area with everything under it. */
	public AreaNode tree(Viewer viewer) {
		return subtree(visible(viewer, viewer.scopeArea()));
	}

	public AreaNode subtree(Area root) {
		List<Area> inside = repository.inside(AreaCodes.prefix(root.code()));
		Map<String, List<Area>> byParent = new LinkedHashMap<>();
		for (Area area : inside) {
			byParent.computeIfAbsent(area.parentCode(), k -> new ArrayList<>()).add(area);
		}
		return node(root, byParent);
	}

	public List<Area> children(String code) {
		return repository.children(code);
	}

	/** Every area inside (and including) the given one, in code order. */
	public List<Area> inside(String code) {
		return repository.inside(AreaCodes.prefix(code));
	}

	/** Every area of one level, in code order. */
	public List<Area> atLevel(AreaLevel level) {
		return repository.atLevel(level);
	}

	public boolean isCompound(String code) {
		return find(code).map(a -> a.level() == AreaLevel.COMPOUND).orElse(false);
	}

	/** Adds areas, each under a parent that exists or is added before it in the same call. */
	@Transactional
	public void add(Collection<NewArea> areas) {
		Viewers.current().ifPresent(v -> {
			if (!v.has(Role.ADMIN)) {
				throw Problem.forbidden("area.add.forbidden");
			}
		});
		for (NewArea area : areas) {
			if (!AreaCodes.wellFormed(area.code())) {
				throw Problem.invalid("code", "area.code.invalid", area.code());
			}
			if (repository.find(area.code()).isPresent()) {
				throw Problem.conflict("area-exists", "area.exists", area.code());
			}
			AreaLevel level = AreaLevel.ofCode(area.code());
			if (area.parent() != null) {
				Area parent = repository.find(area.parent())
					.orElseThrow(() -> Problem.invalid("parent", "area.parent.unknown", area.parent()));
				if (!AreaCodes.contains(parent.code(), area.code()) || parent.level().ordinal() >= level.ordinal()) {
					throw Problem.invalid("parent", "area.parent.wrong", area.code(), parent.code());
				}
			}
			repository.insert(new Area(area.code(), area.name(), area.nameEn(), level, area.parent()));
			auditLog.record("AREA_CREATE", "area", area.code(), area.name());
		}
	}

	private static AreaNode node(Area area, Map<String, List<Area>> byParent) {
		List<AreaNode> children = byParent.getOrDefault(area.code(), List.of())
			.stream()
			.map(child -> node(child, byParent))
			.toList();
		return new AreaNode(area.code(), area.name(), area.nameEn(), area.level(), children);
	}
}
