package org.frontline.people.web;

import org.frontline.people.SamplingCode;
import org.frontline.people.SamplingCodes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people/{id}/code")
class SamplingCodeApiController {

	private final SamplingCodes codes;

	SamplingCodeApiController(SamplingCodes codes) {
		this.codes = codes;
	}

	@GetMapping
	SamplingCode code(@PathVariable long id) {
		return codes.codeOf(id);
	}

	@PostMapping("/reissue")
	SamplingCode reissue(@PathVariable long id) {
		return codes.reissue(id);
	}
}
