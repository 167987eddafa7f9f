package org.frontline.supplies.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.frontline.shared.Problem;
import org.frontline.shared.web.Texts;
import org.frontline.supplies.DonorKind;
import org.frontline.supplies.Donations;
import org.frontline.supplies.Items;
import org.frontline.supplies.NewDonation;
import org.frontline.supplies.NewDonation.DonatedItem;
import org.frontline.supplies.PlaceKind;
import org.frontline.supplies.Stock;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SuppliesDonationPages {

	private final Donations donations;

	private final Items items;

	private final Stock stock;

	private final DonationLetters letters;

	private final Texts texts;

	SuppliesDonationPages(Donations donations, Items items, Stock stock, DonationLetters letters, Texts texts) {
		this.donations = donations;
		this.items = items;
		this.stock = stock;
		this.letters = letters;
		this.texts = texts;
	}

	/** Donations received at the viewer's places, and the form to record one. */
	@GetMapping("/supplies/donations")
	String donations(Model model) {
		model.addAttribute("donations", donations.list());
		model.addAttribute("places", stock.places());
		model.addAttribute("items", items.list());
		model.addAttribute("kinds", DonorKind.values());
		model.addAttribute("clientId", UUID.randomUUID().toString());
		model.addAttribute("communityKind", PlaceKind.COMMUNITY);
		return "supplies/donations";
	}

	@PostMapping("/supplies/donations")
	String record(@RequestParam String clientId, @RequestParam DonorKind donorKind, @RequestParam String donorName,
			@RequestParam(required = false) String contact, @RequestParam(required = false) String phone,
			@RequestParam String to, @RequestParam String receivedBy, @RequestParam(required = false) String note,
			@RequestParam(name = "item", required = false) List<String> lineItems,
			@RequestParam(name = "quantity", required = false) List<Long> quantities,
			@RequestParam(name = "lot", required = false) List<String> lots,
			@RequestParam(name = "expiresOn", required = false) List<String> expiries, RedirectAttributes redirect) {
		List<DonatedItem> given = new ArrayList<>();
		for (int i = 0; lineItems != null && i < lineItems.size(); i++) {
			Long quantity = quantities != null && i < quantities.size() ? quantities.get(i) : null;
			if (lineItems.get(i) == null || lineItems.get(i).isBlank() || quantity == null) {
				continue;
			}
			given.add(new DonatedItem(lineItems.get(i), quantity, at(lots, i), at(expiries, i)));
		}
		try {
			long id = donations.record(new NewDonation(clientId, null, donorKind, donorName, contact, phone, to,
					receivedBy, note, given)).id();
			redirect.addFlashAttribute("done", "supplies.donations.recorded");
			return "redirect:/supplies/donations#donation-" + id;
		}
		catch (Problem problem) {
			redirect.addFlashAttribute("error", texts.text(problem));
			return "redirect:/supplies/donations";
		}
	}

	@GetMapping("/supplies/donations/{id}/letter.pdf")
	ResponseEntity<byte[]> letter(@PathVariable long id) {
		return SuppliesPageController.pdf(letters.pdf(id), "donation-" + id + ".pdf");
	}

	/** 捐赠公示: what was given and where it went, open to everyone; no person's name, no contact. */
	@GetMapping("/public/donations")
	String publicList(Model model) {
		model.addAttribute("donations", donations.publicList());
		return "supplies/public-donations";
	}

	private static String at(List<String> values, int i) {
		return values != null && i < values.size() && !values.get(i).isBlank() ? values.get(i) : null;
	}
}
