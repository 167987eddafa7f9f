package org.frontline.people.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.area.Area;
import org.frontline.area.AreaNode;
import org.frontline.area.Areas;
import org.frontline.people.Address;
import org.frontline.people.IdType;
import org.frontline.people.ImportReport;
import org.frontline.people.Person;
import org.frontline.people.PersonForm;
import org.frontline.people.PersonQuery;
import org.frontline.people.Residents;
import org.frontline.people.Tag;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewers;
import org.frontline.shared.ZoneMarks;
import org.frontline.shared.web.Texts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

@Controller
class PeoplePageController {

	private final Residents residents;

	private final Areas areas;

	private final Texts texts;

	private final ObjectProvider<ZoneMarks> zones;

	PeoplePageController(Residents residents, Areas areas, Texts texts, ObjectProvider<ZoneMarks> zones) {
		this.residents = residents;
		this.areas = areas;
		this.texts = texts;
		this.zones = zones;
	}

	@GetMapping("/people")
	String list(@RequestParam(required = false) String area, @RequestParam(required = false) String q,
			@RequestParam(required = false) Tag tag, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", residents.search(new PersonQuery(area, q, tag, page, 50)));
		List<Area> inScope = areas.inside(Viewers.require().scopeArea());
		model.addAttribute("compoundNames", names(inScope));
		model.addAttribute("areaChoices", inScope);
		model.addAttribute("canRegister", Viewers.require().hasAny(Role.ADMIN, Role.COMMUNITY_WORKER));
		model.addAttribute("area", area);
		model.addAttribute("q", q);
		model.addAttribute("tag", tag);
		model.addAttribute("page", page);
		model.addAttribute("tags", Tag.values());
		return "people/list";
	}

	@GetMapping("/people/{id}")
	String show(@PathVariable long id, Model model) {
		Person person = residents.get(id);
		model.addAttribute("person", person);
		model.addAttribute("compound", areas.find(person.area()).orElse(null));
		ZoneMarks marks = zones.getIfAvailable();
		model.addAttribute("zone", marks == null ? null
				: marks.ofResident(person.area(), person.address().building()).orElse(null));
		return "people/show";
	}

	@GetMapping("/people/new")
	String newPerson(Model model) {
		formChoices(model);
		return "people/new";
	}

	@PostMapping("/people")
	String register(@RequestParam String name, @RequestParam IdType idType, @RequestParam String idNumber,
			@RequestParam(required = false) String phone, @RequestParam String area,
			@RequestParam(required = false) String building, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String room, @RequestParam(required = false) List<Tag> tags,
			Model model) {
		PersonForm form = new PersonForm(name, idType, idNumber, phone, area, new Address(building, unit, room),
				tags == null ? List.of() : tags);
		try {
			Person person = residents.register(form);
			return "redirect:/people/" + person.id();
		}
		catch (Problem problem) {
			model.addAttribute("error", texts.text(problem));
			model.addAttribute("form", form);
			formChoices(model);
			return "people/new";
		}
	}

	@GetMapping("/people/import")
	String importPage() {
		return "people/import";
	}

	@PostMapping("/people/import")
	String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		try {
			ImportReport report = residents.importCsv(PeopleApiController.readLimited(file.getInputStream()));
			model.addAttribute("report", report);
		}
		catch (Problem problem) {
			model.addAttribute("error", texts.text(problem));
		}
		return "people/import";
	}

	@GetMapping("/areas")
	String tree(@RequestParam(required = false) String root, Model model) {
		var viewer = Viewers.require();
		String code = root == null || root.isBlank() ? viewer.scopeArea() : root;
		AreaNode tree = areas.subtree(areas.visible(viewer, code));
		Map<String, Long> counts = residents.countsByArea(code);
		List<Row> rows = new ArrayList<>();
		flatten(tree, 0, counts, rows);
		model.addAttribute("rows", rows);
		return "area/tree";
	}

	private void formChoices(Model model) {
		model.addAttribute("tags", Tag.values());
		model.addAttribute("idTypes", IdType.values());
		model.addAttribute("areaChoices", areas.inside(Viewers.require().scopeArea()));
	}

	/** Area names by code, to show names where lists hold codes. */
	static Map<String, String> names(List<Area> areas) {
		Map<String, String> names = new HashMap<>();
		areas.forEach(a -> names.put(a.code(), a.name()));
		return names;
	}

	/** One line of the area tree page. */
	record Row(AreaNode area, int depth, long residents) {
	}

	private static void flatten(AreaNode node, int depth, Map<String, Long> counts, List<Row> rows) {
		rows.add(new Row(node, depth, counts.getOrDefault(node.code(), 0L)));
		node.children().forEach(child -> flatten(child, depth + 1, counts, rows));
	}
}
