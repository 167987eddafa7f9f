package org.frontline.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether to load the demo district, how many residents it has, their seed and the demo users' password. */
@ConfigurationProperties("frontline.demo")
public record DemoProperties(boolean enabled, int residents, long seed, String password) {
}
