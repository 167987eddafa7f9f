package org.frontline.area.web;

import java.util.List;

import jakarta.validation.Valid;
import org.frontline.area.AreaNode;
import org.frontline.area.Areas;
import org.frontline.area.NewArea;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/areas")
class AreaApiController {

	private final Areas areas;

	AreaApiController(Areas areas) {
		this.areas = areas;
	}

	@GetMapping
	AreaNode tree() {
		return areas.tree(Viewers.require());
	}

	@GetMapping("/{code}")
	AreaNode one(@PathVariable String code) {
		Viewer viewer = Viewers.require();
		var area = areas.visible(viewer, code);
		List<AreaNode> children = areas.children(area.code())
			.stream()
			.map(c -> new AreaNode(c.code(), c.name(), c.nameEn(), c.level(), List.of()))
			.toList();
		return new AreaNode(area.code(), area.name(), area.nameEn(), area.level(), children);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AreaNode create(@Valid @RequestBody NewArea area) {
		areas.add(List.of(area));
		return one(area.code());
	}
}
