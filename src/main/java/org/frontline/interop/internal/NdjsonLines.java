package org.frontline.interop.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.hl7.fhir.r4.formats.JsonCreatorDirect;
import org.hl7.fhir.r4.formats.JsonParser;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resources as NDJSON lines for the bulk export, written by the FHIR core library's R4 composer (code generated per
 * resource type from the specification, shipped with HAPI's R4 model) instead of HAPI's parser, which walks every
 * element through its reflective model definitions: the same JSON ({@code NdjsonLinesTests}) for a fraction of the
 * CPU, which is what an export of millions of resources spends. Not thread-safe: one per file being written.
 */
final class NdjsonLines {

	private final JsonParser composer = new JsonParser();

	private final Writer out;

	NdjsonLines(Writer out) {
		this.out = out;
	}

	void write(Resource resource) {
		try {
			JsonCreatorDirect json = new JsonCreatorDirect(out);
			json.beginObject();
			composer.compose(json, resource);
			json.endObject();
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
