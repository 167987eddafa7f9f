package org.frontline.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.shared.HomeFigure;
import org.frontline.shared.HomeFigures;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the figures of the signed-in user's work that the modules contribute, then their pages. */
@Controller
class HomeController {

	private static final Logger log = LoggerFactory.getLogger(HomeController.class);

	private final List<HomeFigures> contributors;

	private final Areas areas;

	HomeController(List<HomeFigures> contributors, Areas areas) {
		this.contributors = contributors;
		this.areas = areas;
	}

	@GetMapping("/")
	String home(Model model) {
		Viewer viewer = Viewers.require();
		List<HomeFigure> work = new ArrayList<>();
		for (HomeFigures contributor : contributors) {
			try {
				work.addAll(contributor.of(viewer));
			}
			catch (RuntimeException e) {
				// One module's figures failing must not take the home page, and the links to every page, with it.
				log.warn("Home figures of {} failed: {}", contributor.getClass().getSimpleName(), e.toString());
			}
		}
		work.sort(Comparator.comparingInt(HomeFigure::order));
		model.addAttribute("work", work);
		model.addAttribute("scopeName", areas.find(viewer.scopeArea()).map(Area::name).orElse(viewer.scopeArea()));
		return "home";
	}
}
