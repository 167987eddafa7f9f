package org.frontline.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.coyote.http11.Http11Nio2Protocol;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The server every other test talks to runs Tomcat's NIO2 connector (a customizer of the wrong type is ignored). */
class TomcatConnectorIntegrationTests extends IntegrationTest {

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void theServerListensWithTheNio2Connector() {
		TomcatWebServer server = (TomcatWebServer) context.getWebServer();
		assertThat(server.getTomcat().getConnector().getProtocolHandler()).isInstanceOf(Http11Nio2Protocol.class);
		assertThat(server.getPort()).isEqualTo(port);
	}
}
