package org.frontline.testing.web;

import java.util.Map;

import org.frontline.shared.web.ProblemWriter;
import org.frontline.testing.ScanBatch;
import org.frontline.testing.Scans;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import tools.jackson.databind.ObjectMapper;

/** Mounts {@link ScanServlet} at {@code /api/v1/scans} and describes it in the API document with the others. */
@Configuration(proxyBeanMethods = false)
class ScanEndpoint {

	static final String PATH = "/api/v1/scans";

	@Bean
	ServletRegistrationBean<ScanServlet> scanServlet(Scans scans, ProblemWriter problems, ObjectMapper json,
			@Value("${frontline.scans.answer-ms:30000}") long answerMillis,
			@Value("${frontline.scans.answer-threads:4}") int answerThreads) {
		ServletRegistrationBean<ScanServlet> registration = new ServletRegistrationBean<>(
				new ScanServlet(scans, problems, json, answerMillis, answerThreads), PATH);
		registration.setName("scans");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

	@Bean
	OpenApiCustomizer scanEndpointDocument() {
		return openApi -> {
			Schema<?> batch = resolve(openApi.getComponents(), ScanBatch.class);
			Schema<?> answer = resolve(openApi.getComponents(), ScanServlet.Answer.class);
			Operation post = new Operation().operationId("scans")
				.addTagsItem("testing-api-controller")
				.summary("The device protocol: a batch of scan events, applied in order, each stored exactly once.")
				.requestBody(new RequestBody().required(true)
					.content(new Content().addMediaType("application/json", new MediaType().schema(batch))))
				.responses(new ApiResponses()
					.addApiResponse("200", new ApiResponse().description("One result per event, in the order sent.")
						.content(new Content().addMediaType("application/json", new MediaType().schema(answer))))
					.addApiResponse("503", new ApiResponse()
						.description("Busy: nothing was stored; send the same events again after Retry-After.")));
			openApi.path(PATH, new PathItem().post(post));
		};
	}

	/** The schema of a type, its referenced schemas added to the document's components. */
	private static Schema<?> resolve(Components components, Class<?> type) {
		ResolvedSchema resolved = ModelConverters.getInstance().resolveAsResolvedSchema(new AnnotatedType(type));
		for (Map.Entry<String, Schema> referenced : resolved.referencedSchemas.entrySet()) {
			components.addSchemas(referenced.getKey(), referenced.getValue());
		}
		return new Schema<>().$ref("#/components/schemas/" + resolved.schema.getName());
	}
}
