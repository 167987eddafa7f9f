package org.frontline.people.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.frontline.people.ImportReport;
import org.frontline.people.Person;
import org.frontline.people.PersonForm;
import org.frontline.people.PersonQuery;
import org.frontline.people.Residents;
import org.frontline.people.Tag;
import org.frontline.shared.Page;
import org.frontline.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/people")
class PeopleApiController {

	static final int MAX_IMPORT_BYTES = 20 * 1024 * 1024;

	private final Residents residents;

	PeopleApiController(Residents residents) {
		this.residents = residents;
	}

	@GetMapping
	Page<Person> search(@RequestParam(required = false) String area, @RequestParam(required = false) String q,
			@RequestParam(required = false) Tag tag, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return residents.search(new PersonQuery(area, q, tag, page, size));
	}

	@GetMapping("/{id}")
	Person get(@PathVariable long id) {
		return residents.get(id);
	}

	@PostMapping
	ResponseEntity<Person> register(@RequestBody PersonForm form) {
		Person person = residents.register(form);
		return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(person);
	}

	@PutMapping("/{id}")
	Person update(@PathVariable long id, @RequestBody PersonForm form) {
		return residents.update(id, form);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importFile(@RequestPart("file") MultipartFile file) throws IOException {
		return residents.importCsv(readLimited(file.getInputStream()));
	}

	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ImportReport importBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_IMPORT_BYTES) {
			throw tooLarge();
		}
		return residents.importCsv(readLimited(request.getInputStream()));
	}

	static byte[] readLimited(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
		if (bytes.length > MAX_IMPORT_BYTES) {
			throw tooLarge();
		}
		return bytes;
	}

	static Problem tooLarge() {
		return new Problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "people.import.too-large",
				MAX_IMPORT_BYTES / (1024 * 1024));
	}
}
