package org.frontline.people.web;

import java.util.Arrays;
import java.util.List;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.people.CardRequest;
import org.frontline.people.PersonQuery;
import org.frontline.people.Residents;
import org.frontline.people.TestCards;
import org.frontline.shared.Problem;
import org.frontline.shared.Viewers;
import org.frontline.shared.web.Texts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Printed test cards: the API answers a PDF; community workers get one from a page. */
@Controller
class TestCardController {

	private final TestCards cards;

	private final Texts texts;

	private final Residents residents;

	private final Areas areas;

	TestCardController(TestCards cards, Texts texts, Residents residents, Areas areas) {
		this.cards = cards;
		this.texts = texts;
		this.residents = residents;
		this.areas = areas;
	}

	@PostMapping(path = "/api/v1/cards", produces = { MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE })
	@ResponseBody
	ResponseEntity<byte[]> print(@RequestBody(required = false) CardRequest request) {
		return pdf(cards.print(request));
	}

	/** The page: an area picked from the tree, or residents found by name or ID number. */
	@GetMapping("/people/cards")
	String page(@RequestParam(required = false) String area, @RequestParam(required = false) String q, Model model) {
		String chosen = area == null || area.isBlank() ? Viewers.require().scopeArea() : area;
		choices(chosen, model);
		if (q != null && !q.isBlank()) {
			model.addAttribute("q", q);
			model.addAttribute("found", residents.search(new PersonQuery(chosen, q.strip(), null, 0, 20)));
		}
		return "people/cards";
	}

	@PostMapping("/people/cards")
	Object printFromPage(@RequestParam(required = false) String area, @RequestParam(required = false) String personIds,
			Model model) {
		try {
			return pdf(cards.print(new CardRequest(area, ids(personIds))));
		}
		catch (Problem problem) {
			choices(area, model);
			model.addAttribute("error", texts.text(problem));
			return "people/cards";
		}
	}

	private static List<Long> ids(String personIds) {
		if (personIds == null || personIds.isBlank()) {
			return null;
		}
		try {
			return Arrays.stream(personIds.split("[,，\\s]+")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
		}
		catch (NumberFormatException ex) {
			throw Problem.invalid("personIds", "people.cards.ids-invalid");
		}
	}

	private void choices(String area, Model model) {
		List<Area> inScope = areas.inside(Viewers.require().scopeArea());
		model.addAttribute("area", area);
		model.addAttribute("areaChoices", inScope);
		model.addAttribute("compoundNames", PeoplePageController.names(inScope));
	}

	private static ResponseEntity<byte[]> pdf(byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("test-cards.pdf").build().toString())
			.body(pdf);
	}
}
