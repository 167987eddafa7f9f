package org.frontline.application;

import java.util.Comparator;
import java.util.List;

import org.frontline.shared.NavItem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in and whether this is a demo installation. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final boolean demo;

	private final List<NavItem> navigation;

	LayoutAdvice(@Value("${frontline.demo.enabled:false}") boolean demo, List<NavItem> navigation) {
		this.demo = demo;
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
	}

	@ModelAttribute("navItems")
	List<NavItem> navItems() {
		Viewer viewer = Viewers.current().orElse(null);
		return navigation.stream().filter(item -> item.visibleTo(viewer)).toList();
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return demo;
	}

	@ModelAttribute("viewer")
	Viewer viewer() {
		return Viewers.current().orElse(null);
	}
}
