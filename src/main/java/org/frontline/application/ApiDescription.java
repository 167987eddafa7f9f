package org.frontline.application;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's server is the configured public address ({@code frontline.public-url}), not one built
 * from the request's Host header: a forged Host would otherwise be written into a document that others fetch.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	@Bean
	OpenAPI frontlineApi(@Value("${frontline.public-url:/}") String publicUrl) {
		return new OpenAPI().info(new Info().title("Frontline API").version("v1"))
			.servers(List.of(new Server().url(publicUrl.isBlank() ? "/" : publicUrl)));
	}
}
