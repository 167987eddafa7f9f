package org.frontline.shared.web;

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

	LayoutAdvice(@Value("${frontline.demo.enabled:false}") boolean demo) {
		this.demo = demo;
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
