package org.frontline.shared.web;

import org.frontline.shared.Message;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/** A {@link Message} in an API answer is written as its text in the request's language. */
@Configuration(proxyBeanMethods = false)
class MessageJson {

	@Bean
	JacksonModule messageText(ObjectProvider<Texts> texts) {
		SimpleModule module = new SimpleModule("frontline-message-text");
		module.addSerializer(Message.class, new ValueSerializer<>() {

			@Override
			public void serialize(Message message, JsonGenerator json, SerializationContext context) {
				json.writeString(texts.getObject().text(message));
			}
		});
		return module;
	}
}
